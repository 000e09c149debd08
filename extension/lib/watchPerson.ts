import type { PagePeople, SiteAdapter } from '../adapters';

export interface WatchPersonOptions {
  adapter: SiteAdapter;
  /** Called with the people on the page whenever the person on screen changes (and once at start). */
  onChange: (people: PagePeople, url: URL) => void;
  doc?: Document;
  win?: Window;
  /** Quiet time after a DOM change before the page is looked at again. */
  throttleMs?: number;
}

export interface PersonWatcher {
  /** Looks at the page now (e.g. after the content script knows something changed). */
  check(): void;
  stop(): void;
}

const DEFAULT_THROTTLE_MS = 250;

/** The Navigation API (Chromium): its events fire for the page's own `history.pushState`. */
interface NavigationLike {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * Follows single-page navigation: tells `onChange` when the person on screen changes.
 *
 * Single-page apps swap people by `history.pushState` plus DOM changes. A content script lives
 * in an isolated world, so wrapping `history.pushState` would only see its own calls; instead it
 * listens to the Navigation API's `currententrychange` (fired for the page's pushState too),
 * `popstate`/`hashchange` (back/forward, Gmail's hash routes), and a MutationObserver.
 *
 * The observer is throttled on the leading edge: the first burst of DOM changes after a quiet
 * `throttleMs` is looked at right away (in the observer's own microtask, so the person is seen
 * in the task that rendered it, not a debounce later), further bursts within `throttleMs` are
 * looked at once when it ends. A look is the adapter's cheap `personKey`; the full `extract`
 * runs only when that key changed. With no person on the page that is one cheap key lookup per
 * `throttleMs` of DOM churn at most.
 */
export function watchPerson(options: WatchPersonOptions): PersonWatcher {
  const { adapter, onChange } = options;
  const doc = options.doc ?? document;
  const win = options.win ?? window;
  const throttleMs = options.throttleMs ?? DEFAULT_THROTTLE_MS;
  // undefined: not looked yet, so the first look always reports (even "nobody").
  let lastKey: string | null | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** When the observer last looked (navigation looks do not count: they must not delay the observer's). */
  let observedAt = Number.NEGATIVE_INFINITY;
  /** The address at the last look: DOM changes under a new address are looked at without waiting. */
  let lookedAtHref: string | undefined;

  function check() {
    if (stopped) return;
    lookedAtHref = win.location.href;
    const url = new URL(lookedAtHref);
    const key = adapter.matches(url) ? adapter.personKey(doc, url) : null;
    if (key === lastKey) return;
    lastKey = key;
    onChange(key === null ? { primary: null, others: [] } : adapter.extract(doc, url), url);
  }

  function observedCheck() {
    timer = undefined;
    observedAt = performance.now();
    check();
  }

  function onMutation() {
    if (stopped) return;
    // A router that swapped the person and pushed the address in one task (the sites' in-place
    // navigation): look now, in the observer's microtask, even inside a throttle period. Pages
    // settling after a load kept the observer throttled, and the next person was seen only at the
    // navigation's zero-delay timer, 20–50 ms later on a busy page (`npm run bench:overlay`).
    if (win.location.href !== lookedAtHref) {
      if (timer !== undefined) clearTimeout(timer);
      observedCheck();
      return;
    }
    if (timer !== undefined) return;
    const wait = observedAt + throttleMs - performance.now();
    if (wait <= 0) observedCheck();
    else timer = setTimeout(observedCheck, wait);
  }

  // Routers often push the URL before rendering the next person: look once the router's task is
  // done (not inside its pushState, where the DOM may still show the previous person); a later
  // render is caught by the observer.
  function onNavigate() {
    if (!stopped) setTimeout(check, 0);
  }

  const observer = new MutationObserver(onMutation);
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  win.addEventListener('popstate', onNavigate);
  win.addEventListener('hashchange', onNavigate);
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('currententrychange', onNavigate);

  check();

  return {
    check,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      observer.disconnect();
      win.removeEventListener('popstate', onNavigate);
      win.removeEventListener('hashchange', onNavigate);
      navigation?.removeEventListener('currententrychange', onNavigate);
    },
  };
}
