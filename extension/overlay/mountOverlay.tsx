import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { PagePerson, SiteAdapter } from '../adapters';
import { OverlayApp } from './OverlayApp';
import overlayCss from './overlay.css?inline';

/** What the content script tells the mounted card: who is on screen now. */
export interface OverlayHandle {
  show(person: PagePerson | null): void;
  remove(): void;
}

/** A one-value store the content script writes and the React tree reads. */
function personStore(initial: PagePerson | null) {
  let person = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => person,
    set(next: PagePerson | null) {
      person = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

type PersonStore = ReturnType<typeof personStore>;

function ConnectedOverlay(props: {
  store: PersonStore;
  adapter: SiteAdapter;
  doc: Document;
  caretIn?: (body: HTMLElement) => Range | null;
}) {
  const person = useSyncExternalStore(props.store.subscribe, props.store.get);
  return <OverlayApp person={person} adapter={props.adapter} doc={props.doc} caretIn={props.caretIn} />;
}

/**
 * Mounts the overlay in an open shadow root (page styles cannot reach it; the page and e2e
 * locators can still see it) and returns the handle that switches the person it shows.
 * React is mounted once per page; later people only change the store the tree reads.
 */
export async function mountOverlay(
  ctx: ContentScriptContext,
  options: {
    adapter: SiteAdapter;
    caretIn?: (body: HTMLElement) => Range | null;
    /** Who to show first; later people come through the handle. */
    person?: PagePerson | null;
  },
): Promise<OverlayHandle> {
  const store = personStore(options.person ?? null);
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'leadlens-overlay',
    css: overlayCss,
    position: 'overlay',
    anchor: 'body',
    mode: 'open',
    // Keys typed in the card must not trigger the site's shortcuts (Gmail's "c", "e", "#" …).
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container) {
      const root = createRoot(container);
      // Rendered in this task rather than a scheduled one: when the person's data was already
      // fetched (see prefetchInsight), the card is painted in the next frame.
      flushSync(() =>
        root.render(
          <ConnectedOverlay store={store} adapter={options.adapter} doc={document} caretIn={options.caretIn} />,
        ),
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
  return {
    show: (person) => store.set(person),
    remove: () => ui.remove(),
  };
}
