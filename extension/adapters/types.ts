import type { MissLogger } from '../lib/selectorChain';
import type { SiteId } from '../lib/urlDetection';
import type { PageFacts } from './facts';

export type { SiteId } from '../lib/urlDetection';

/** How the person relates to the page, so the overlay can say whom it is showing. */
export type PersonRole = 'sender' | 'recipient' | 'profile' | 'record';

export interface PagePerson {
  role: PersonRole;
  /** Plain text as the page shows it; the background checks it against the lead schema. */
  facts: PageFacts;
}

/**
 * The people on a page. `primary` is the one the user is working on — the record or profile
 * shown, the first "To" of the email being written, else the latest sender of the open thread
 * who is not the user — and the one the overlay shows. `others` are the rest (other recipients,
 * earlier senders), deduplicated, in page order, for an overlay that offers to switch.
 */
export interface PagePeople {
  primary: PagePerson | null;
  others: PagePerson[];
}

export interface ExtractOptions {
  /** Where "no selector matched" lines go; defaults to one deduplicating console logger. */
  logger?: MissLogger;
}

/**
 * One supported site. Pure functions of the document and URL: no observers, timers or network —
 * the content script decides when to call them (on load, on history/DOM changes).
 */
export interface SiteAdapter {
  id: SiteId;
  /**
   * The URL is on this site (any page: single-page apps navigate from a list to a person
   * without reloading the content script). Local demo pages count in demo builds.
   */
  matches(url: URL): boolean;
  /** Everyone on the page, with the primary person; `{ primary: null, others: [] }` when nobody. */
  extract(doc: Document, url: URL, options?: ExtractOptions): PagePeople;
  /**
   * Cheap identity of what is on screen: changes when single-page navigation (or a re-render)
   * shows another person, equal keys mean `extract` would return the same people; null when
   * there is no person on the page. Never logs.
   */
  personKey(doc: Document, url: URL): string | null;
  /** The element the overlay positions itself next to without covering the site's controls. */
  anchor(doc: Document, url: URL): Element | null;
  /** Editable body of the email being written (Gmail/Outlook), for inserting a talking point at the caret. */
  composeBody?(doc: Document): HTMLElement | null;
}

export function noPeople(): PagePeople {
  return { primary: null, others: [] };
}
