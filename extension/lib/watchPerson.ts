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
 * `popstate`/`hashchange` (back/forward, Gmail's hash routes), and a MutationObserver whose
 * callback does nothing but arm a timer — the adapter's cheap `personKey` runs at most once per
 * `throttleMs`, and the full `extract` only when that key changed. With no person on the page
 * that is one cheap key lookup per burst of DOM changes.
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

  function check() {
    timer = undefined;
    if (stopped) return;
    const url = new URL(win.location.href);
    const key = adapter.matches(url) ? adapter.personKey(doc, url) : null;
    if (key === lastKey) return;
    lastKey = key;
    onChange(key === null ? { primary: null, others: [] } : adapter.extract(doc, url), url);
  }

  function schedule() {
    if (timer === undefined && !stopped) timer = setTimeout(check, throttleMs);
  }

  // Right after a navigation the new person is often not rendered yet: look now and once more.
  function onNavigate() {
    if (stopped) return;
    setTimeout(check, 0);
    schedule();
  }

  const observer = new MutationObserver(schedule);
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
