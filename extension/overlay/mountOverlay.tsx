import { useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { PagePerson, SiteAdapter } from '../adapters';
import { OverlayApp } from './OverlayApp';

/** What the content script tells the mounted card: who is on screen now. */
export interface OverlayHandle {
  show(person: PagePerson | null): void;
  remove(): void;
}

/** A one-value store the content script writes and the React tree reads. */
function personStore() {
  let person: PagePerson | null = null;
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
 */
export async function mountOverlay(
  ctx: ContentScriptContext,
  options: { adapter: SiteAdapter; caretIn?: (body: HTMLElement) => Range | null },
): Promise<OverlayHandle> {
  const store = personStore();
  const ui = await createShadowRootUi<Root>(ctx, {
    name: 'leadlens-overlay',
    position: 'overlay',
    anchor: 'body',
    mode: 'open',
    // Keys typed in the card must not trigger the site's shortcuts (Gmail's "c", "e", "#" …).
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container) {
      const root = createRoot(container);
      root.render(
        <ConnectedOverlay store={store} adapter={options.adapter} doc={document} caretIn={options.caretIn} />,
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
