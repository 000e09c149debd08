import { createMissLogger } from '../lib/selectorChain';

/** One logger for the page session: each site change is reported once, not on every re-render. */
export const defaultMissLogger = createMissLogger();

/** Narrows to an HTML element by shape, so it also works for documents of another window (tests, iframes). */
export function asHtmlElement(element: Element | null): HTMLElement | null {
  return element && 'isContentEditable' in element ? (element as HTMLElement) : null;
}
