import { ancestorContaining, firstElement, type MissLogger, missLine } from '../lib/selectorChain';
import { isOutlook } from '../lib/urlDetection';
import { findEmail } from './emailAddress';
import { type MailParticipant, type MailView, mailSiteAdapter, type ThreadMessage } from './mailPeople';
import { asHtmlElement } from './pageHelpers';
import type { SiteAdapter } from './types';

/*
 * Outlook on the web (outlook.office.com, outlook.office365.com, outlook.live.com). Its Fluent UI
 * class names are hashed per release (`OZZZK`, `rpyXv`); what stays is element ids of the shell
 * (`ReadingPaneContainerId`, `mectrl_…`), ARIA labels ("From: …", "To", "Message body"), and
 * `title` attributes carrying the email address of each persona.
 */

const SITE = 'outlook';

const READING_PANE = ['#ReadingPaneContainerId', '[aria-label="Reading Pane"]', 'div[class*="ReadingPane"]'];
// One element per message of the open conversation.
const PANE_MESSAGE = [
  '[aria-label="Email message"]',
  '[data-app-section="ConversationContainer"] [role="document"]',
  'div.aVla3',
];
// "From:" in the UI languages we ship (English, Italian, Japanese, Arabic).
const FROM_LABEL = /^(?:From|Da|差出人|من)\s*[:：]\s*/;
const MESSAGE_SENDER = [
  '[aria-label^="From:"]',
  '[aria-label^="Da:"]',
  '[aria-label^="差出人:"]',
  '[aria-label^="من:"]',
  'span.OZZZK',
];
const MESSAGE_RECIPIENT_LINES = ['[aria-label^="To:"]', '[aria-label^="Cc:"]', '[aria-label^="A:"]', 'div.pI5Ve'];
const PERSONA_WITH_EMAIL = ['[title*="@"]', '[data-lpc-hover-target-id*="@"]', '[aria-label*="@"]'];

const COMPOSE_BODY = [
  'div[aria-label^="Message body"][contenteditable="true"]',
  'div[role="textbox"][contenteditable="true"][aria-multiline="true"]',
  'div.elementToProof[contenteditable="true"]',
];
// The recipients well of a draft: a labelled text box holding recipient chips.
const COMPOSE_TO_WELL = ['[role="textbox"][aria-label="To"]', '[aria-label="To"]', 'div.ms-BasePicker-text'];
const COMPOSE_TO_CHIP = ['[title*="@"]', 'span._EType_RECIPIENT_ENTITY'];

// The signed-in account, from the Microsoft 365 account manager in the header.
const ACCOUNT = [
  '#mectrl_currentAccount_secondary',
  '#O365_MainLink_Me [aria-label*="@"]',
  'div.mectrl_accountDetails',
];

function personaFrom(element: Element): MailParticipant | null {
  const withEmail = element.matches(PERSONA_WITH_EMAIL.join(',')) ? element : firstElement(element, PERSONA_WITH_EMAIL);
  const email =
    findEmail(withEmail?.getAttribute('title')) ??
    findEmail(withEmail?.getAttribute('data-lpc-hover-target-id')) ??
    findEmail(withEmail?.getAttribute('aria-label')) ??
    findEmail(element.getAttribute('aria-label')) ??
    findEmail(element.textContent);
  if (!email) return null;
  // "From: Marco Rossi" / "Marco Rossi <marco@…>": the name is the label or text without the address.
  const label = element.getAttribute('aria-label') ?? element.textContent ?? '';
  const name = label
    .replace(FROM_LABEL, '')
    .replace(/<[^>]*>/g, '')
    .replace(email, '')
    .trim();
  return { email, name: name || null };
}

function accountOwner(doc: Document): string | null {
  const element = firstElement(doc, ACCOUNT);
  return findEmail(element?.textContent) ?? findEmail(element?.getAttribute('aria-label'));
}

function allOf(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = [...root.querySelectorAll(selector)];
    if (found.length) return found;
  }
  return [];
}

function paneMessages(doc: Document, logger: MissLogger): ThreadMessage[] {
  const pane = firstElement(doc, READING_PANE);
  const containers = pane ? allOf(pane, PANE_MESSAGE) : [];
  const messages = containers.map((container) => {
    const senderElement = firstElement(container, MESSAGE_SENDER);
    const recipients = allOf(container, MESSAGE_RECIPIENT_LINES)
      .flatMap((line) => allOf(line, PERSONA_WITH_EMAIL))
      .map(personaFrom)
      .filter((participant): participant is MailParticipant => participant !== null);
    return { sender: senderElement ? personaFrom(senderElement) : null, recipients };
  });
  // An open message always has a sender; none found means Outlook changed its markup.
  if (containers.length && !messages.some((message) => message.sender)) logger.warn(missLine(SITE, 'sender'));
  return messages;
}

function composeWindows(doc: Document): Element[] {
  const bodies = COMPOSE_BODY.flatMap((selector) => [...doc.querySelectorAll(selector)]);
  const windows = bodies
    .map((body) => ancestorContaining(body, COMPOSE_TO_WELL))
    .filter((window): window is Element => window !== null);
  return [...new Set(windows)];
}

function activeComposeWindow(doc: Document): Element | null {
  const windows = composeWindows(doc);
  const focused = doc.activeElement;
  return windows.find((window) => focused && window.contains(focused)) ?? windows.at(-1) ?? null;
}

function composeRecipients(window: Element): MailParticipant[] {
  const well = firstElement(window, COMPOSE_TO_WELL);
  if (!well) return [];
  return allOf(well, COMPOSE_TO_CHIP)
    .map(personaFrom)
    .filter((participant): participant is MailParticipant => participant !== null);
}

export const outlookAdapter: SiteAdapter = mailSiteAdapter({
  id: 'outlook',
  matches: (url) => isOutlook(url),
  readView: (doc, logger): MailView => {
    const compose = activeComposeWindow(doc);
    return {
      owner: accountOwner(doc),
      composeRecipients: compose ? composeRecipients(compose) : [],
      messages: paneMessages(doc, logger),
    };
  },
  activeComposeWindow,
  composeBodyIn: (window) => asHtmlElement(firstElement(window, COMPOSE_BODY)),
  threadAnchor: (doc) => {
    const pane = firstElement(doc, READING_PANE);
    return pane ? (firstElement(pane, ['[role="heading"]', 'h1', 'h2']) ?? pane) : null;
  },
});
