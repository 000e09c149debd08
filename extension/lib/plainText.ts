/**
 * Page text made safe to carry around as data: one line, visible characters only, bounded length.
 *
 * Pages (and people typing their own LinkedIn headline) can put anything in text nodes:
 * bidi overrides that flip how a name renders, zero-width characters that make two equal-looking
 * names differ, control characters, megabytes of text. Everything an adapter reads goes through here.
 */

// Bidi embeddings/overrides/isolates and marks (U+061C, U+200E/F, U+202A–E, U+2066–9),
// zero-width and invisible formatting (U+200B–D, U+2060–4, U+FEFF, U+180E, U+00AD soft hyphen),
// and Unicode tag characters (U+E0000–E007F) that hide text from readers but not from programs.
const INVISIBLE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060-\u2064\uFEFF\u180E\u00AD]/g;
const INVISIBLE_TAGS = /[\u{E0000}-\u{E007F}]/gu;
// C0/C1 controls and line/paragraph separators become spaces so words don't run together.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\s]+/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Plain, trimmed, single-line text of at most `maxLength` UTF-16 units (the unit zod's `.max` counts),
 * never cutting a surrogate pair in half. Returns '' when nothing visible is left.
 */
export function toPlainText(raw: string | null | undefined, maxLength: number): string {
  if (!raw) return '';
  const text = raw
    .normalize('NFC')
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(INVISIBLE_TAGS, '')
    .replace(CONTROL_OR_SPACE, ' ')
    .trim();
  if (text.length <= maxLength) return text;
  let end = maxLength;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd();
}
