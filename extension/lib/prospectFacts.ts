// The schema module itself, not the shared barrel: the barrel would load every schema and the
// default model wherever this is imported.
import { type ProspectFacts, ProspectFactsSchema } from '../../shared/schemas/lead';
import { toPlainText } from './plainText';

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

type ProspectFactKey = keyof typeof ProspectFactsSchema.shape;

/**
 * What a page said about a person, made schema-valid: text cleaned and capped at its schema
 * limit, each field kept only when the schema accepts it (an unparseable email is dropped, not
 * the whole person), unknown fields dropped. Runs in the background on every page's facts (see messages.ts), so the
 * content script carries no schema code: it only reads plain text (adapters/facts.ts).
 */
export function prospectFactsFromPage(pageFacts: Record<string, unknown>): ProspectFacts {
  const facts: Record<string, unknown> = {};
  const shape = ProspectFactsSchema.shape;
  for (const key of Object.keys(pageFacts)) {
    if (!Object.hasOwn(shape, key)) continue;
    const schema = shape[key as ProspectFactKey];
    const value = pageFacts[key];
    const candidate = typeof value === 'string' ? toPlainText(value, maxLengthOf(schema)) : value;
    if (candidate === '' || candidate === null || candidate === undefined) continue;
    const parsed = schema.safeParse(candidate);
    if (parsed.success && parsed.data !== undefined) facts[key] = parsed.data;
  }
  return facts as ProspectFacts;
}
