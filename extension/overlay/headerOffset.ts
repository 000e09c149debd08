/** Where the card starts when the user never moved it: just below the site's top bar. */
export const FALLBACK_TOP = 72;
const MAX_HEADER_HEIGHT = 160;

/**
 * The bottom of the site's header (`[role="banner"]` or `<header>` at the top of the viewport),
 * plus a gap, so the card never covers the search box, account menu or app switcher.
 */
export function topBelowHeader(doc: Document): number {
  for (const header of doc.querySelectorAll('[role="banner"], body > header, header')) {
    const rect = header.getBoundingClientRect();
    if (rect.height > 0 && rect.top <= 8 && rect.bottom <= MAX_HEADER_HEIGHT) return Math.round(rect.bottom + 8);
  }
  return FALLBACK_TOP;
}
