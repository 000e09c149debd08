import { onBackgroundPush, sendToBackground } from './backgroundClient';
import { expectModel, forgetHeldModel, heldModel, heldModelStamp, holdModel, loadModel } from './heldModel';
import type { InsightResponse, QuestionFacts } from './messages';
import { markStep } from './stepMarks';

/*
 * Insight lookups asked for ahead of the card: the content script asks as soon as it sees a
 * person, while the shadow root and React are still being set up, and `useLeadInsight` reads the
 * answer on its first render instead of asking again.
 */

/** What one question (these facts, this language) was answered; `key` says which question. */
export interface Answer {
  key: string;
  response: InsightResponse | null;
  failure: string | null;
}

/**
 * A lookup started before the card asked (the content script asks as soon as it sees the
 * person, while the shadow root and React are still being set up). The card's first render for
 * that person reads it, so when the answer is already in, the card paints with data at once.
 */
export interface Prefetch {
  key: string;
  startedAt: number;
  promise: Promise<InsightResponse>;
  settled: Answer | null;
}

/** A prefetch older than this is not reused: the card asks again. */
const PREFETCH_MAX_AGE_MS = 2_000;
const MAX_PREFETCHES = 4;
const prefetches = new Map<string, Prefetch>();
/** When each lookup key was last reported changed, to catch pushes that came before the card listened. */
const changedAt = new Map<string, number>();
let stopChangeTracking: (() => void) | null = null;
/** Cards waiting for a prefetched answer: told the moment it arrives (see `subscribeToPrefetches`). */
const settleListeners = new Set<() => void>();

function settle(entry: Prefetch, answer: Answer): void {
  entry.settled = answer;
  for (const listener of settleListeners) listener();
}

/** The question `facts` in `locale` asks, as a string: equal strings, equal answers. */
export function insightRequestKey(facts: QuestionFacts, locale: string | undefined): string {
  return requestKeyOf(factsKeyOf(facts), locale);
}

/** Keys already computed, per facts object: the card asks for its facts' key on every render. */
const factsKeys = new WeakMap<QuestionFacts, string>();

/** The facts' content as a string: adapters may hand a new object with the same content. */
export function factsKeyOf(facts: QuestionFacts): string {
  let key = factsKeys.get(facts);
  if (key === undefined) {
    key = stableStringify(facts);
    factsKeys.set(facts, key);
  }
  return key;
}

export function requestKeyOf(factsKey: string, locale: string | undefined): string {
  return `${locale ?? ''}|${factsKey}`;
}

/** Whether the background announced a new answer for `lookupKey` at or after `since`. */
export function changedSince(lookupKey: string, since: number): boolean {
  const changed = changedAt.get(lookupKey);
  return changed !== undefined && changed >= since;
}

/**
 * Asks the background about `facts` now, ahead of the card (one message round trip, answered
 * from cache). `useLeadInsight` with the same facts and locale uses this answer instead of
 * asking again.
 */
export function prefetchInsight(facts: QuestionFacts, locale?: string): void {
  const key = insightRequestKey(facts, locale);
  const now = performance.now();
  const existing = prefetches.get(key);
  // The same question already on its way: share it. An answered one may be outdated: ask again.
  if (existing && !existing.settled && now - existing.startedAt < PREFETCH_MAX_AGE_MS) return;
  if (!stopChangeTracking) {
    stopChangeTracking = onBackgroundPush((push) => {
      if (push.type === 'push/insightChanged') changedAt.set(push.lookupKey, performance.now());
    });
  }
  // The model comes with the answer (when the page does not hold it already), so the card's first
  // data render has it and needs no `model/get` of its own (see ./heldModel).
  const modelArrived = expectModel();
  markStep('asked');
  const entry: Prefetch = {
    key,
    startedAt: now,
    settled: null,
    promise: sendToBackground({
      type: 'insight/get',
      facts,
      revalidate: true,
      modelHeld: heldModelStamp(),
      ...(locale ? { locale } : {}),
    }),
  };
  entry.promise.then(
    (response) => {
      markStep('answered');
      modelArrived();
      // Held before the answer is announced: the card renders both in one go.
      if (response.model !== undefined) holdModel(response.model);
      settle(entry, { key, response, failure: null });
    },
    (error: unknown) => {
      modelArrived();
      if (heldModel() === undefined) void loadModel();
      settle(entry, { key, response: null, failure: error instanceof Error ? error.message : String(error) });
    },
  );
  prefetches.delete(key);
  prefetches.set(key, entry);
  while (prefetches.size > MAX_PREFETCHES) prefetches.delete(prefetches.keys().next().value as string);
}

export function freshPrefetch(key: string | null): Prefetch | null {
  if (key === null) return null;
  const entry = prefetches.get(key);
  if (!entry) return null;
  // A failed prefetch (e.g. the background was still starting) is not reused: the card asks itself.
  if (!entry.settled?.failure && performance.now() - entry.startedAt < PREFETCH_MAX_AGE_MS) return entry;
  prefetches.delete(key);
  return null;
}

/**
 * Calls `listener` whenever a prefetched answer arrives, so a card renders it in the same task
 * rather than after its effects have run (Preact runs effects a frame after the paint).
 */
export function subscribeToPrefetches(listener: () => void): () => void {
  settleListeners.add(listener);
  return () => {
    settleListeners.delete(listener);
  };
}

/**
 * The successful answer prefetched for `key`, if it has arrived: a render-time read with no side
 * effects and no clock, so it can back `useSyncExternalStore`. The content script replaces the
 * entry with a new question each time the person appears, so an answer here is this visit's.
 */
export function prefetchedAnswer(key: string | null): Answer | null {
  if (key === null) return null;
  const settled = prefetches.get(key)?.settled;
  return settled && !settled.failure ? settled : null;
}

/** Forgets prefetched answers and the held model (tests; a content script that is being torn down). */
export function clearPrefetchedInsights(): void {
  prefetches.clear();
  forgetHeldModel();
  changedAt.clear();
  stopChangeTracking?.();
  stopChangeTracking = null;
}

/** JSON with sorted keys, so `{a, b}` and `{b, a}` are the same facts. */
function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
