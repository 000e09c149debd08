import { defineContentScript } from 'wxt/utils/define-content-script';
import { adapterFor } from '../adapters';
import { browserLocale, storedLocale } from '../i18n';
import { rememberCaret } from '../lib/insertAtCaret';
import { clearPrefetchedInsights, prefetchInsight } from '../lib/insightPrefetch';
import { SITE_MATCH_PATTERNS } from '../lib/siteMatchPatterns';
import { markStep } from '../lib/stepMarks';
import { watchPerson } from '../lib/watchPerson';
import { preloadCardPreferences } from '../overlay/cardPreferences';
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
    // The card's language: the browser's until the stored override (if any) is read — started
    // while the page parses, so it is usually in before the first question is asked. When it comes
    // later and differs, the person on screen is asked about again in it.
    let locale: string = browserLocale();
    let latest: Parameters<OverlayHandle['show']>[0] = null;
    // Read while the page parses too, so the card's first render has the user's fold and dock.
    preloadCardPreferences();
    storedLocale()
      .then((stored) => {
        if (!stored || stored === locale) return;
        locale = stored;
        if (latest) prefetchInsight(latest.facts, locale);
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
    const watcher = watchPerson({
      adapter,
      onChange(people) {
        latest = people.primary;
        markStep('person');
        if (latest) {
          // Ask for the data now, in parallel with mounting (first person) or with the card's
          // re-render (next person): the card reads this answer instead of asking after it renders.
          prefetchInsight(latest.facts, locale);
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
