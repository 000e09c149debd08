/*
 * Per-step timestamps for `npm run bench:overlay`: when the page's own timeline carries the mark
 * `leadlens:probe` (the benchmark's init script sets it), the content script adds a User Timing
 * mark at each step from seeing a person to rendering the card. Everywhere else this is one
 * look-up per page and nothing more: no marks on people's pages.
 */
let enabled: boolean | undefined;

export function markStep(step: string): void {
  if (enabled === undefined) {
    enabled = typeof performance !== 'undefined' && performance.getEntriesByName('leadlens:probe', 'mark').length > 0;
  }
  if (enabled) performance.mark(`leadlens:${step}`);
}
