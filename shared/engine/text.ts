/**
 * Normalises text before patterns see it: NFKC folds full-width Latin ("ＩＴ部長") and
 * compatibility forms into what admins type. ASCII is already normal, and titles on
 * English pages are mostly ASCII, so they skip the costly `normalize` call.
 */
export function normalizeForMatch(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) return text.normalize('NFKC');
  }
  return text;
}

/** Compiles an admin-written pattern the way every rule uses it: case-insensitive and Unicode-aware. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern.normalize('NFKC'), 'iu');
}

/** Picks text in the reader's language (`pt-BR`, then `pt`, then English). Allocation-free for the hot path. */
export function pickText(
  text: { en: string; [locale: string]: string } | undefined,
  locale: string,
  base: string,
): string {
  if (!text) return '';
  return text[locale] ?? text[base] ?? text.en;
}

export function baseLocale(locale: string): string {
  const dash = locale.indexOf('-');
  return dash === -1 ? locale : locale.slice(0, dash);
}

/** Text in the reader's language: `pt-BR`, then `pt`, then English. */
export function localize(text: { en: string; [locale: string]: string } | undefined, locale: string): string {
  return pickText(text, locale, baseLocale(locale));
}
