import { type MissLogger, SILENT_MISS_LOGGER } from '../lib/selectorChain';
import { toPageFacts } from './facts';
import { defaultMissLogger } from './pageHelpers';
import type { PagePeople, PagePerson, PersonRole, SiteAdapter } from './types';

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
    const facts = toPageFacts({ email, name: participant.name });
    if (facts.email) people.push({ role, facts });
  }
  return { primary: people[0] ?? null, others: people.slice(1) };
}

/** What differs between the two mail sites; selectors stay in each site's adapter. */
export interface MailSite {
  id: 'gmail' | 'outlook';
  matches(url: URL): boolean;
  readView(doc: Document, logger: MissLogger): MailView;
  activeComposeWindow(doc: Document): Element | null;
  composeBodyIn(composeWindow: Element): HTMLElement | null;
  /** Where the card goes when no email is being written: next to the open thread. */
  threadAnchor(doc: Document): Element | null;
}

/** Gmail and Outlook adapters: same people rules, same anchoring, site-specific reading. */
export function mailSiteAdapter(site: MailSite): SiteAdapter {
  return {
    id: site.id,
    matches: site.matches,
    extract(doc, _url, options = {}) {
      return choosePeople(site.readView(doc, options.logger ?? defaultMissLogger));
    },
    personKey(doc) {
      const primary = choosePeople(site.readView(doc, SILENT_MISS_LOGGER)).primary;
      return primary?.facts.email ? `${site.id}:${primary.role}:${primary.facts.email}` : null;
    },
    anchor(doc) {
      return site.activeComposeWindow(doc) ?? site.threadAnchor(doc);
    },
    composeBody(doc) {
      const window = site.activeComposeWindow(doc);
      return window ? site.composeBodyIn(window) : null;
    },
  };
}
