import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapterFor } from '../adapters';
import { rememberCaret } from '../lib/insertAtCaret';
import { watchPerson } from '../lib/watchPerson';
import { mountOverlay, type OverlayHandle } from '../overlay/mountOverlay';
import '../overlay/overlay.css';

// The five supported sites; production builds run nowhere else.
const SITE_MATCHES = [
  '*://mail.google.com/*',
  '*://outlook.office.com/*',
  '*://outlook.live.com/*',
  '*://www.linkedin.com/*',
  '*://app.hubspot.com/*',
  '*://*.lightning.force.com/*',
];

// Local demo pages (`npm start`) are only matched by non-production builds
// (`wxt build --mode development`), so the store build never touches localhost.
const LOCAL_DEMO_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineContentScript({
  matches: import.meta.env.MODE === 'production' ? SITE_MATCHES : [...SITE_MATCHES, ...LOCAL_DEMO_MATCHES],
  cssInjectionMode: 'ui',
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    const caret = adapter.composeBody ? rememberCaret(document, () => adapter.composeBody?.(document) ?? null) : null;

    // The overlay is mounted on the first person only: pages without one (an inbox, a feed)
    // get no shadow root, no React and no messages to the background.
    let overlay: OverlayHandle | null = null;
    let mounting: Promise<OverlayHandle> | null = null;
    let latest: Parameters<OverlayHandle['show']>[0] = null;

    const watcher = watchPerson({
      adapter,
      onChange(people) {
        latest = people.primary;
        if (overlay) {
          overlay.show(latest);
          return;
        }
        if (!latest || mounting) return;
        mounting = mountOverlay(ctx, { adapter, caretIn: caret ? (body) => caret.caret(body) : undefined });
        mounting.then((handle) => {
          overlay = handle;
          handle.show(latest);
        });
      },
    });

    ctx.onInvalidated(() => {
      watcher.stop();
      caret?.stop();
      overlay?.remove();
    });
  },
});
