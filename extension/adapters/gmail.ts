import { ancestorContaining, controlValueOf, firstElement, type MissLogger, missLine } from '../lib/selectorChain';
import { isGmail } from '../lib/urlDetection';
import { findEmail, parseMailboxList } from './emailAddress';
import { type MailParticipant, type MailView, mailSiteAdapter, type ThreadMessage } from './mailPeople';
import { asHtmlElement } from './pageHelpers';
import type { SiteAdapter } from './types';

/*
 * Gmail (mail.google.com). Class names are minified and rotate (`gD`, `hP`, `adn`); what stays is
 * the `email`/`name` attributes on people, `data-hovercard-id` on recipient chips, `data-message-id`
 * and `data-thread-perm-id` on the thread, `g_editable` and the ARIA labels on the composer.
 */

const SITE = 'gmail';

// The open thread: its subject heading carries the thread ids.
const THREAD_HEADING = ['h2[data-thread-perm-id]', 'h2[data-legacy-thread-id]', '[role="main"] h2.hP'];
// One element per message of the open thread, expanded or collapsed.
const THREAD_MESSAGE = ['[data-message-id]', '[data-legacy-message-id]', 'div.adn'];
// Sender: inside the message header's <h3>; recipients are the other people in the header.
const MESSAGE_SENDER = ['h3 [email]', 'h3 [data-hovercard-id]', 'span.gD', 'span.zF'];
const MESSAGE_PEOPLE = ['[email]', '[data-hovercard-id]', 'span.g2'];

const COMPOSE_BODY = [
  'div[aria-label="Message Body"][contenteditable="true"]',
  'div[role="textbox"][g_editable="true"]',
  'div.Am.Al.editable',
];
// What a compose window holds besides the body: its "To" field, in its new and old shapes.
const COMPOSE_TO_FIELD = ['[name="to"]', 'input[aria-label="To recipients"]', 'textarea[name="to"]'];
const COMPOSE_TO_CHIPS = [
  '[name="to"] [data-hovercard-id]',
  '[name="to"] [email]',
  '[role="option"][data-hovercard-id]',
  'div.afV[data-hovercard-id]',
];
const COMPOSE_TO_TEXT = ['input[name="to"]', 'textarea[name="to"]', 'input[aria-label="To recipients"]'];

// The signed-in account: "Inbox (3) - rep@acme.com - Gmail", and the account button's label.
const ACCOUNT_TITLE = /\s-\s([^\s]+@[^\s]+)\s-\s/;
const ACCOUNT_BUTTON = ['a[aria-label^="Google Account:"]', 'a[href^="https://accounts.google.com/SignOutOptions"]'];

function participantFrom(element: Element): MailParticipant | null {
  const email =
    findEmail(element.getAttribute('email')) ??
    findEmail(element.getAttribute('data-hovercard-id')) ??
    findEmail(element.textContent);
  if (!email) return null;
  const name = element.getAttribute('name') ?? element.getAttribute('data-name') ?? element.textContent;
  return { email, name: findEmail(name) ? null : name };
}

function accountOwner(doc: Document): string | null {
  const fromTitle = ACCOUNT_TITLE.exec(doc.title)?.[1];
  if (fromTitle) return findEmail(fromTitle);
  const button = firstElement(doc, ACCOUNT_BUTTON);
  return findEmail(button?.getAttribute('aria-label'));
}

/** All elements matching the first selector that matches anything. */
function firstMatchingAll(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = [...root.querySelectorAll(selector)];
    if (found.length) return found;
  }
  return [];
}

function participants(elements: Element[]): MailParticipant[] {
  return elements.map(participantFrom).filter((participant): participant is MailParticipant => participant !== null);
}

/** Messages of the open thread, oldest first; empty when no thread is open. */
function threadMessages(doc: Document, logger: MissLogger): ThreadMessage[] {
  const heading = firstElement(doc, THREAD_HEADING);
  if (!heading) return [];
  const main = heading.closest('[role="main"]') ?? doc;
  const messages = firstMatchingAll(main, THREAD_MESSAGE).map((container) => {
    const sender = firstElement(container, MESSAGE_SENDER);
    const others = firstMatchingAll(container, MESSAGE_PEOPLE).filter(
      (element) => element !== sender && !sender?.contains(element) && !element.contains(sender),
    );
    return { sender: sender ? participantFrom(sender) : null, recipients: participants(others) };
  });
  // An open thread always has a sender; none found means Gmail changed its markup.
  if (!messages.some((message) => message.sender)) logger.warn(missLine(SITE, 'sender'));
  return messages;
}

/** Compose windows (pop-up, full-screen or inline reply), each found from its editable body. */
function composeWindows(doc: Document): Element[] {
  const bodies = COMPOSE_BODY.flatMap((selector) => [...doc.querySelectorAll(selector)]);
  const windows = bodies
    .map((body) => body.closest('[role="dialog"]') ?? ancestorContaining(body, COMPOSE_TO_FIELD))
    .filter((window): window is Element => window !== null);
  return [...new Set(windows)];
}

/** The compose window being worked on: the one holding the focus, else the newest. */
function activeComposeWindow(doc: Document): Element | null {
  const windows = composeWindows(doc);
  const focused = doc.activeElement;
  return windows.find((window) => focused && window.contains(focused)) ?? windows.at(-1) ?? null;
}

function composeRecipients(window: Element): MailParticipant[] {
  const recipients = participants(firstMatchingAll(window, COMPOSE_TO_CHIPS));
  // Addresses typed or pasted but not yet turned into chips.
  for (const selector of COMPOSE_TO_TEXT) {
    const typed = controlValueOf(selector)(window);
    for (const mailbox of parseMailboxList(typed)) recipients.push(mailbox);
  }
  return recipients;
}

export const gmailAdapter: SiteAdapter = mailSiteAdapter({
  id: 'gmail',
  matches: (url) => isGmail(url),
  readView: (doc, logger): MailView => {
    const compose = activeComposeWindow(doc);
    return {
      owner: accountOwner(doc),
      composeRecipients: compose ? composeRecipients(compose) : [],
      messages: threadMessages(doc, logger),
    };
  },
  activeComposeWindow,
  composeBodyIn: (window) => asHtmlElement(firstElement(window, COMPOSE_BODY)),
  threadAnchor: (doc) => firstElement(doc, THREAD_HEADING)?.parentElement ?? null,
});
