import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapterFor } from '../adapters';
import { browserLocale, storedLocale } from '../i18n';
import { rememberCaret } from '../lib/insertAtCaret';
import { clearPrefetchedInsights, prefetchInsight } from '../lib/insightPrefetch';
import { SITE_MATCH_PATTERNS } from '../lib/siteMatchPatterns';
import { watchPerson } from '../lib/watchPerson';
import { mountOverlay, type OverlayHandle } from '../overlay/mountOverlay';

// Local demo pages (`npm start`) are only matched by non-production builds
// (`wxt build --mode development`), so the store build never touches localhost.
const LOCAL_DEMO_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];

export default defineContentScript({
  // The five supported sites; production builds run nowhere else.
  matches:
    import.meta.env.MODE === 'production' ? SITE_MATCH_PATTERNS : [...SITE_MATCH_PATTERNS, ...LOCAL_DEMO_MATCHES],
  // The card's styles travel inside this script (see mountOverlay): no stylesheet to fetch before
  // the first paint, and no web-accessible file a page could probe for.
  cssInjectionMode: 'manual',
  // At DOMContentLoaded rather than "document_idle" (which Chrome may hold until the load event,
  // up to 200 ms later): a person already in the HTML gets the card that much sooner. Later
  // people (single-page apps) are found by the watcher either way.
  runAt: 'document_end',
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    const caret = adapter.composeBody ? rememberCaret(document, () => adapter.composeBody?.(document) ?? null) : null;

    // The overlay is mounted on the first person only: pages without one (an inbox, a feed)
    // get no shadow root, no React and no messages to the background.
    let overlay: OverlayHandle | null = null;
    let mounting: Promise<OverlayHandle> | null = null;
    let latest: Parameters<OverlayHandle['show']>[0] = null;
    // The card's language: the browser's until the stored override (if any) is read.
    let locale: string = browserLocale();
    let localeRead: Promise<void> | null = null;

    const watcher = watchPerson({
      adapter,
      onChange(people) {
        latest = people.primary;
        if (latest) {
          // Ask for the data now, in parallel with mounting (first person) or with the card's
          // re-render (next person): the card reads this answer instead of asking after it renders.
          prefetchInsight(latest.facts, locale);
          if (!localeRead) {
            const person = latest;
            localeRead = storedLocale()
              .then((stored) => {
                if (!stored || stored === locale) return;
                locale = stored;
                if (latest === person) prefetchInsight(person.facts, locale);
              })
              .catch(() => undefined);
          }
        }
        if (overlay) {
          overlay.show(latest);
          return;
        }
        if (!latest || mounting) return;
        mounting = mountOverlay(ctx, {
          adapter,
          caretIn: caret ? (body) => caret.caret(body) : undefined,
          person: latest,
        });
        mounting.then((handle) => {
          overlay = handle;
          // The person may have changed (or left) while the shadow root was being set up.
          handle.show(latest);
        });
      },
    });

    ctx.onInvalidated(() => {
      watcher.stop();
      caret?.stop();
      clearPrefetchedInsights();
      overlay?.remove();
    });
  },
});
