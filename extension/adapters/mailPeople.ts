import { toProspectFacts } from './facts';
import type { PagePeople, PagePerson, PersonRole } from './types';

/** Gmail and Outlook show people the same way: a mailbox owner, a thread, perhaps a draft. */

export interface MailParticipant {
  email: string;
  name?: string | null;
}

export interface ThreadMessage {
  sender: MailParticipant | null;
  recipients: MailParticipant[];
}

export interface MailView {
  /** The signed-in user, never shown as the prospect. */
  owner: string | null;
  /** "To" recipients of the email being written, when one is open. */
  composeRecipients: MailParticipant[];
  /** Messages of the open thread, oldest first. */
  messages: ThreadMessage[];
}

/**
 * Whom the rep is dealing with: while writing, the first "To"; otherwise the latest sender who is
 * not the rep (or, in a thread only the rep wrote to, its latest recipient). Everyone else follows
 * in that order of relevance, once each.
 */
export function choosePeople(view: MailView): PagePeople {
  const owner = view.owner?.toLowerCase() ?? null;
  const candidates: { role: PersonRole; participant: MailParticipant }[] = [];
  for (const participant of view.composeRecipients) candidates.push({ role: 'recipient', participant });
  const latestFirst = [...view.messages].reverse();
  for (const message of latestFirst)
    if (message.sender) candidates.push({ role: 'sender', participant: message.sender });
  for (const message of latestFirst) {
    for (const participant of message.recipients) candidates.push({ role: 'recipient', participant });
  }

  const seen = new Set<string>();
  const people: PagePerson[] = [];
  for (const { role, participant } of candidates) {
    const email = participant.email.toLowerCase();
    if (email === owner || seen.has(email)) continue;
    seen.add(email);
    const facts = toProspectFacts({ email, name: participant.name });
    if (facts.email) people.push({ role, facts });
  }
  return { primary: people[0] ?? null, others: people.slice(1) };
}
