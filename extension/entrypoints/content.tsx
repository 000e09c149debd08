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
  // Injected before the page parses, so compiling and starting this script is done by the time
  // the person is in the DOM; the page is first looked at on DOMContentLoaded (below). At
  // "document_end" Chrome injected it after DOMContentLoaded, and on a busy machine that alone put
  // the card hundreds of milliseconds behind the page (`npm run bench:overlay`). Later people
  // (single-page apps) are found by the watcher either way.
  runAt: 'document_start',
  async main(ctx) {
    const adapter = adapterFor(new URL(location.href));
    if (!adapter) return;
    // The stored language is read while the page parses, so the first question asks in it.
    let storedLocaleAnswer: string | null = null;
    const storedLocaleRead = storedLocale()
      .then((stored) => {
        storedLocaleAnswer = stored;
      })
      .catch(() => undefined);
    // Adapters read a whole page: a half-parsed one would give half the facts.
    if (document.readyState === 'loading') {
      await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
    }
    const caret = adapter.composeBody ? rememberCaret(document, () => adapter.composeBody?.(document) ?? null) : null;

    // The overlay is mounted on the first person only: pages without one (an inbox, a feed)
    // get no shadow root, no React and no messages to the background.
    let overlay: OverlayHandle | null = null;
    let mounting: Promise<OverlayHandle> | null = null;
    let latest: Parameters<OverlayHandle['show']>[0] = null;
    // The card's language: the stored override when it has been read by now, else the browser's
    // until it arrives.
    let locale: string = storedLocaleAnswer ?? browserLocale();
    let localeSettled = storedLocaleAnswer !== null;

    const watcher = watchPerson({
      adapter,
      onChange(people) {
        latest = people.primary;
        if (latest) {
          // Ask for the data now, in parallel with mounting (first person) or with the card's
          // re-render (next person): the card reads this answer instead of asking after it renders.
          prefetchInsight(latest.facts, locale);
          if (!localeSettled) {
            localeSettled = true;
            const person = latest;
            void storedLocaleRead.then(() => {
              if (!storedLocaleAnswer || storedLocaleAnswer === locale) return;
              locale = storedLocaleAnswer;
              if (latest === person) prefetchInsight(person.facts, locale);
            });
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
