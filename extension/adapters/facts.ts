// The schema module itself, not the shared barrel: the barrel would load every schema and the
// default model into the content script.
import { type ProspectFacts, ProspectFactsSchema } from '../../shared/schemas/lead';
import { toPlainText } from '../lib/plainText';

/** What an adapter read, as text, before it is cleaned and checked against the schema. */
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

/** The `.max()` a field's schema allows, read from the schema so the limit is defined once. */
function maxLengthOf(schema: unknown): number {
  let current = schema as { maxLength?: unknown; unwrap?: () => unknown; in?: unknown } | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    if (typeof current.maxLength === 'number') return current.maxLength;
    if (typeof current.unwrap === 'function') current = current.unwrap() as typeof current;
    else current = current.in as typeof current;
  }
  return 300;
}

/**
 * Plain, schema-valid facts: every value cleaned of markup-free-but-hostile characters, capped at
 * its schema limit, and kept only when the schema accepts it (an unparseable email is dropped,
 * not passed on). The company domain is taken from a work email when the page shows none.
 */
export function toProspectFacts(raw: RawFacts): ProspectFacts {
  const facts: Record<string, unknown> = {};
  const shape = ProspectFactsSchema.shape;
  for (const key of Object.keys(raw) as FactKey[]) {
    const schema = shape[key];
    const text = toPlainText(raw[key], maxLengthOf(schema));
    if (!text) continue;
    const parsed = schema.safeParse(text);
    if (parsed.success && parsed.data !== undefined) facts[key] = parsed.data;
  }
  if (facts.domain === undefined && typeof facts.email === 'string') {
    const domain = facts.email.split('@')[1];
    if (domain && !PERSONAL_MAIL_DOMAINS.has(domain)) facts.domain = domain;
  }
  return facts as ProspectFacts;
}
