/** Finding email addresses in the text and attributes mail clients render them in. */

const EMAIL_IN_TEXT =
  /[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+/;

/** The first email address in `text` (an attribute value, "Name <email>", "From: …"), lower-cased. */
export function findEmail(text: string | null | undefined): string | null {
  const match = text ? EMAIL_IN_TEXT.exec(text) : null;
  return match ? match[0].toLowerCase() : null;
}

export interface Mailbox {
  email: string;
  name?: string;
}

/** `Name <email>, other@x.com` (a recipients field's value) → mailboxes, in order. */
export function parseMailboxList(text: string | null | undefined): Mailbox[] {
  if (!text) return [];
  const mailboxes: Mailbox[] = [];
  for (const part of text.split(/[,;](?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const email = findEmail(part);
    if (!email) continue;
    const name = part
      .replace(/<[^>]*>/, '')
      .replace(/["']/g, '')
      .trim();
    mailboxes.push(name && findEmail(name) === null ? { email, name } : { email });
  }
  return mailboxes;
}
