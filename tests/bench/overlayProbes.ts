/**
 * Scripts the overlay benchmark installs in the page's main world (Playwright `addInitScript`,
 * so they run before the page's own scripts and before the content script is injected).
 * Each is serialised by Playwright, so it must not close over anything from this module.
 * Times are the page's `performance.now()`: the benchmark measures inside the page, not across
 * the DevTools protocol.
 */

/** The card's contract attributes (DESIGN.md §8) as strings, the way the DOM holds them. */
export interface CardState {
  quadrant: string | null;
  score: string | null;
  fit: string | null;
  interest: string | null;
  stage: string | null;
  persona: string | null;
  modelVersion: string | null;
}

/** One change of what the card shows (null: no card), with the frame that painted it. */
export interface CardLogEntry {
  at: number;
  state: CardState | null;
  /** The card's accessible name, which carries the person's name as the page shows it. */
  label: string | null;
  /**
   * The card's body (numbers, facts, talking points, actions) is in: the card paints its headline
   * (the data-* attributes, quadrant, score, name) first and its body in the next task.
   */
  complete: boolean;
  /** `performance.now()` in the first animation frame after the change: the paint that shows it. */
  paintedAt: number | null;
}

export interface LongTaskEntry {
  startTime: number;
  duration: number;
}

export interface BenchProbe {
  cardLog: CardLogEntry[];
  /** When the overlay's host element first appeared in this document (the content script mounted it). */
  hostAt: number | null;
  longTasks: LongTaskEntry[];
}

export interface BenchWindow {
  __leadlensBench?: BenchProbe;
}

/**
 * Records the page's long tasks as the page itself sees them (`longtask` entries say the main
 * thread was blocked, not by whom: content scripts run in an isolated world and are not named).
 */
export function installMainThreadProbe(): void {
  const probe: BenchProbe = { cardLog: [], hostAt: null, longTasks: [] };
  (window as unknown as BenchWindow).__leadlensBench = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Not supported: the CDP metrics still cover the page.
  }
}

/**
 * Logs every change of the Leadlens card's data attributes, inside the overlay's open shadow
 * root, with the time it landed and the time of the next animation frame. It watches the
 * document for the overlay host and then the shadow root itself (mutations inside a shadow
 * root do not reach observers of the document).
 */
export function installCardRecorder(): void {
  // Asks the content script for its per-step marks (extension/lib/stepMarks.ts): User Timing
  // entries are the page's, shared by the page's world and the content script's.
  performance.mark('leadlens:probe');
  const probe: BenchProbe = { cardLog: [], hostAt: null, longTasks: [] };
  (window as unknown as BenchWindow).__leadlensBench = probe;
  let lastKey = '';
  let observedRoot: ShadowRoot | null = null;
  let waitingForRoot = false;

  const read = (card: Element | null): CardState | null =>
    card
      ? {
          quadrant: card.getAttribute('data-quadrant'),
          score: card.getAttribute('data-score'),
          fit: card.getAttribute('data-fit'),
          interest: card.getAttribute('data-interest'),
          stage: card.getAttribute('data-stage'),
          persona: card.getAttribute('data-persona'),
          modelVersion: card.getAttribute('data-model-version'),
        }
      : null;

  const record = () => {
    const host = document.querySelector('leadlens-overlay');
    const root = host?.shadowRoot ?? null;
    if (host && probe.hostAt === null) probe.hostAt = performance.now();
    if (host && !root && !waitingForRoot) {
      // The host may get its shadow root after it is inserted: look again next frame.
      waitingForRoot = true;
      requestAnimationFrame(() => {
        waitingForRoot = false;
        record();
      });
    }
    if (root && root !== observedRoot) {
      observedRoot = root;
      new MutationObserver(record).observe(root, { subtree: true, childList: true, attributes: true });
    }
    const card = root?.querySelector('[data-testid="leadlens-card"]') ?? null;
    const state = read(card);
    const label = card?.getAttribute('aria-label') ?? null;
    const complete = card?.querySelector('.ll-overview') != null;
    const key = JSON.stringify([state, label, complete]);
    if (key === lastKey) return;
    lastKey = key;
    const entry: CardLogEntry = { at: performance.now(), state, label, complete, paintedAt: null };
    probe.cardLog.push(entry);
    requestAnimationFrame(() => {
      entry.paintedAt = performance.now();
    });
  };

  new MutationObserver(record).observe(document, { subtree: true, childList: true });
  record();
}
