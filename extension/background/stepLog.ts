/*
 * The background's half of the step marks `npm run bench:overlay` reads (see lib/stepMarks.ts for
 * the page's half). The benchmark puts an empty array at `globalThis.__leadlensBenchSteps` through
 * the service worker's DevTools target; only then is each question answered over the port logged,
 * so the bench can tell the background's share of a card's time from the trip there and back.
 * Everywhere else this is one property read per question and nothing is kept.
 */

export interface BackgroundStep {
  type: string;
  /** Wall-clock times (`timeOrigin + now()`, comparable with the page's own): the question arrived… */
  received: number;
  /** …its answer was ready… */
  ready: number;
  /** …and was handed to the port. */
  posted: number;
}

interface StepLogGlobal {
  __leadlensBenchSteps?: unknown;
}

/** The benchmark's log, when it asked for one. */
export function backgroundStepLog(): BackgroundStep[] | null {
  const log = (globalThis as StepLogGlobal).__leadlensBenchSteps;
  return Array.isArray(log) ? (log as BackgroundStep[]) : null;
}

export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}
