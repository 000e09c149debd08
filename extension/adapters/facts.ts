import { toPlainText } from '../lib/plainText';

/** What an adapter read, as text, before it is cleaned. */
export type RawFacts = Partial<
  Record<
    'email' | 'name' | 'title' | 'company' | 'domain' | 'country' | 'linkedinUrl' | 'lifecycleStage' | 'leadStatus',
    string | null | undefined
  >
>;

type FactKey = keyof RawFacts;

// Mailbox providers: their domain says nothing about the person's company.
const PERSONAL_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'yahoo.co.jp',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'web.de',
  'libero.it',
  'qq.com',
  '163.com',
]);

/**
 * Facts as a page shows them: plain single-line text, not yet checked against the lead schema.
 * The background checks them on arrival (`prospectFactsFromPage`: schema limits, email shape,
 * company domain) — the content script runs on every page load of five busy sites and carries
 * no schema library for it.
 */
export type PageFacts = { [K in FactKey]?: string };

/**
 * Bounds what a page can make the content script hold and send; the schema's tighter per-field
 * limits (300 for a name, 500 for a URL) are applied by the background.
 */
const PAGE_FACT_MAX_LENGTH = 500;

/**
 * Plain text of every fact the page showed (empty and invisible-only values left out), and the
 * company domain taken from a work email when the page shows none.
 */
export function toPageFacts(raw: RawFacts): PageFacts {
  const facts: PageFacts = {};
  for (const key of Object.keys(raw) as FactKey[]) {
    const text = toPlainText(raw[key], PAGE_FACT_MAX_LENGTH);
    if (text) facts[key] = text;
  }
  const [local, domain, ...rest] = facts.email?.toLowerCase().split('@') ?? [];
  if (facts.domain === undefined && local && domain && rest.length === 0 && !PERSONAL_MAIL_DOMAINS.has(domain)) {
    facts.domain = domain;
  }
  return facts;
}
