import type { Quadrant } from '../schemas/common';
import type { StageHistoryEntry } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';
import { type CompiledBehaviourRule, type CompiledModel, compileModel, type EvalState } from './compile';
import { MICRO, normalizeInterest } from './interest';
import { DISQUALIFIED_STATUS } from './lifecycle';
import { HOUR_MS, parseIsoMs, toEpochMs, toIso } from './time';

/** Event indexes take at most 21 bits of a packed replay key (see hotSinceFromEvents). */
const MAX_REPLAY_EVENTS = 2 ** 21;

export interface SlaClock {
  startedAt: string;
  dueAt: string;
  /** Not followed up by `dueAt` (no attempt in time). A late first attempt leaves it breached and met. */
  breached: boolean;
  /** A connect attempt was logged since the clock started; the clock has stopped. */
  met: boolean;
  hours: number;
}

export interface SlaInput {
  quadrant: Quadrant;
  lifecycleStage?: string | undefined;
  leadStatus?: string | undefined;
  stageHistory?: readonly StageHistoryEntry[] | undefined;
  attempts?: readonly { at: string }[] | undefined;
  /** When the lead entered its current quadrant, if known (e.g. stored by the API). */
  quadrantSince?: string | number | undefined;
  now: Date | string | number;
}

/**
 * When the lead last entered `sla.clockStartsAtStage` (or a later stage without passing
 * through it) and has stayed at or beyond it since; undefined when it is before that stage now.
 */
export function stageClockStart(
  compiled: CompiledModel,
  stage: string | undefined,
  history: readonly StageHistoryEntry[] | undefined,
): number | undefined {
  const clockIndex = compiled.stageIndex.get(compiled.model.sla.clockStartsAtStage);
  const currentIndex = stage === undefined ? undefined : compiled.stageIndex.get(stage);
  if (clockIndex === undefined || currentIndex === undefined || currentIndex < clockIndex || !history) return undefined;
  // Most leads have one entry or none; copying and sorting those was a per-score allocation for nothing.
  const entries = history.length <= 1 ? history : [...history].sort((a, b) => parseIsoMs(a.at) - parseIsoMs(b.at));
  let start: number | undefined;
  for (const entry of entries) {
    const index = compiled.stageIndex.get(entry.stage);
    if (index === undefined) continue;
    if (index < clockIndex) start = undefined;
    else if (start === undefined) start = parseIsoMs(entry.at);
  }
  return start !== undefined && Number.isNaN(start) ? undefined : start;
}

/**
 * The SLA clock: due = start + `sla.followUpHours[quadrant]`. The clock starts when the lead entered
 * its quadrant (`quadrantSince`) or `sla.clockStartsAtStage`, whichever was first; a stage-started
 * clock in a quadrant without its own hours uses the hot hours. It stops (met) at the first connect
 * attempt since the start. No clock for customers' stages or disqualified leads.
 */
export function slaClock(model: AlignmentModel, input: SlaInput): SlaClock | undefined {
  const compiled = compileModel(model);
  if (input.leadStatus === DISQUALIFIED_STATUS) return undefined;
  const stage =
    input.lifecycleStage === undefined
      ? undefined
      : model.lifecycle.stages[compiled.stageIndex.get(input.lifecycleStage) ?? -1];
  if (stage?.ownerTeam === 'customer_success') return undefined;
  const quadrantHours = model.sla.followUpHours[input.quadrant];
  const quadrantStart =
    quadrantHours === undefined || input.quadrantSince === undefined
      ? undefined
      : typeof input.quadrantSince === 'number'
        ? input.quadrantSince
        : parseIsoMs(input.quadrantSince);
  const stageStart = stageClockStart(compiled, input.lifecycleStage, input.stageHistory);
  let start: number | undefined;
  if (quadrantStart !== undefined && !Number.isNaN(quadrantStart)) start = quadrantStart;
  if (stageStart !== undefined && (start === undefined || stageStart < start)) start = stageStart;
  if (start === undefined) return undefined;
  const hours = quadrantHours ?? model.sla.followUpHours.hot;
  const nowMs = toEpochMs(input.now);
  const dueMs = start + hours * HOUR_MS;
  let firstAttempt = Number.POSITIVE_INFINITY;
  for (const attempt of input.attempts ?? []) {
    const at = parseIsoMs(attempt.at);
    if (at >= start && at < firstAttempt) firstAttempt = at;
  }
  const met = firstAttempt !== Number.POSITIVE_INFINITY;
  const breached = met ? firstAttempt > dueMs : nowMs > dueMs;
  return { startedAt: toIso(start), dueAt: toIso(dueMs), breached, met, hours };
}

function siftDown(heap: Float64Array, start: number, size: number): void {
  let parent = start;
  const value = heap[parent] as number;
  for (;;) {
    let child = 2 * parent + 1;
    if (child >= size) break;
    if (child + 1 < size && (heap[child + 1] as number) < (heap[child] as number)) child++;
    if ((heap[child] as number) >= value) break;
    heap[parent] = heap[child] as number;
    parent = child;
  }
  heap[parent] = value;
}

function heapify(heap: Float64Array): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(heap, i, heap.length);
}

/** Removes the smallest key (heap[0]); returns the new size. */
function popMin(heap: Float64Array, size: number): number {
  const last = size - 1;
  heap[0] = heap[last] as number;
  if (last > 0) siftDown(heap, 0, last);
  return last;
}

/** Bound slack in micro-points: far above the float error of the bound's running sum, far below a point. */
const BOUND_SLACK_MICRO = 1;

/** A rule's capped term in micro-points, its positive sum scaled by `growth` (see hotSinceFromEvents). */
function boundTerm(rule: { points: number; cap: number }, sum: number, growth: number): number {
  const cap = rule.cap * MICRO;
  const value = rule.points > 0 ? sum * growth : sum;
  return value > cap ? cap : Math.max(value, -cap);
}

/**
 * When the current hot streak began, replayed from the events: the latest event time just
 * before which interest was below the threshold (fit is taken as it is now). Walks back from
 * the newest event, removing events from the sums computed at `now`, and stops at the first
 * moment that was not hot. Events come newest first out of a binary min-heap of packed keys
 * (age in whole seconds, then event index): building it is linear and the walk usually stops
 * after a few pops, where a full sort would order every event. Events in the same second count
 * as one moment.
 *
 * A lead hot for months walks back through nearly all its events, and the exact interest at each
 * moment (every rule, and an exp) was most of a replayed score. So the walk also keeps a lower
 * bound on raw interest: each rule's capped term at the growth of the last exact check, updated
 * as events are removed. Growth only increases going back (`latest` decreases), so the terms of
 * positive rules can only be larger than the bound says; while the bound alone is hot, the exact
 * check is skipped. The moment returned is the same as checking every moment exactly.
 *
 * Needs `accumulateInterest` to have run on `state`. Undefined when interest was never below
 * the threshold or there are too many events to pack (over 2^21).
 */
export function hotSinceFromEvents(compiled: CompiledModel, state: EvalState): number | undefined {
  const model = compiled.model;
  const count = state.eventCount;
  if (count === 0 || count > MAX_REPLAY_EVENTS || model.quadrants.interestHigh <= 0) return undefined;
  if (compiled.replaySums.length < compiled.ruleSums.length)
    compiled.replaySums = new Float64Array(compiled.ruleSums.length);
  if (compiled.replayKeys.length < count) compiled.replayKeys = new Float64Array(state.eventTime.length);
  const sums = compiled.replaySums;
  sums.set(compiled.ruleSums);
  const { eventSlot, eventTime, nowMs } = state;
  const indexBits = Math.max(1, Math.ceil(Math.log2(count)));
  const indexScale = 2 ** indexBits;
  const maxAgeSeconds = 2 ** (53 - indexBits) - 1;
  const keys = compiled.replayKeys.subarray(0, count);
  for (let i = 0; i < count; i++) {
    const ageSeconds = Math.min(maxAgeSeconds, Math.max(0, Math.floor((nowMs - (eventTime[i] as number)) / 1000)));
    keys[i] = ageSeconds * indexScale + i;
  }
  heapify(keys);
  const decay = compiled.eventDecay;
  const rules = model.behaviour.rules;
  const threshold = model.quadrants.interestHigh;
  // Lower bound on raw interest in micro-points, valid at any growth >= boundGrowth; 0 = none yet.
  let boundGrowth = 0;
  let bound = 0;
  let size = count;
  while (size > 0) {
    const groupAge = Math.floor((keys[0] as number) / indexScale);
    // The newest moment left: remove every event of that second, remembering its latest time (future = now).
    let latest = Number.NEGATIVE_INFINITY;
    while (size > 0 && Math.floor((keys[0] as number) / indexScale) === groupAge) {
      const i = (keys[0] as number) - groupAge * indexScale;
      size = popMin(keys, size);
      const t = Math.min(eventTime[i] as number, nowMs);
      if (t > latest) latest = t;
      const slotRules = compiled.slotRules[eventSlot[i] as number] as CompiledBehaviourRule[];
      for (let k = 0; k < slotRules.length; k++) {
        const rule = slotRules[k] as CompiledBehaviourRule;
        const contribution =
          rule.points > 0 ? Math.round(rule.points * (decay[i] as number) * MICRO) : Math.round(rule.points * MICRO);
        const before = sums[rule.index] as number;
        const after = before - contribution;
        sums[rule.index] = after;
        if (boundGrowth > 0) bound += boundTerm(rule, after, boundGrowth) - boundTerm(rule, before, boundGrowth);
      }
    }
    if (boundGrowth > 0 && normalizeInterest(model, (bound - BOUND_SLACK_MICRO) / MICRO) >= threshold) continue;
    // Interest just before `latest`: positive sums were decayed to now, so scale them back to `latest`.
    const growth = Math.exp((nowMs - latest) * compiled.decayRate);
    let raw = 0;
    bound = 0;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r] as (typeof rules)[number];
      const sum = sums[r] as number;
      if (sum === 0) continue;
      const value = rule.points > 0 ? (sum * growth) / MICRO : sum / MICRO;
      raw += value > rule.cap ? rule.cap : Math.max(value, -rule.cap);
      bound += boundTerm(rule, sum, growth);
    }
    if (normalizeInterest(model, raw) < threshold) return latest;
    boundGrowth = growth;
  }
  return undefined;
}
