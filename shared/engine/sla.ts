import type { Quadrant } from '../schemas/common';
import type { StageHistoryEntry } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';
import { type CompiledModel, compileModel, type EvalState } from './compile';
import { MICRO } from './interest';
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
  const entries = [...history].sort((a, b) => parseIsoMs(a.at) - parseIsoMs(b.at));
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

/**
 * When the current hot streak began, replayed from the events: the latest event time just
 * before which interest was below the threshold (fit is taken as it is now). Walks back from
 * the newest event, removing events from the sums computed at `now`, and stops at the first
 * moment that was not hot. Events come newest first out of a binary min-heap of packed keys
 * (age in whole seconds, then event index): building it is linear and the walk usually stops
 * after a few pops, where a full sort would order every event. Events in the same second count
 * as one moment.
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
  const normalizationMax = model.behaviour.normalizationMax;
  const threshold = model.quadrants.interestHigh;
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
      const slotRules = compiled.slotRules[eventSlot[i] as number] as CompiledModel['slotRules'][number];
      for (const rule of slotRules) {
        const contribution =
          rule.points > 0 ? Math.round(rule.points * (decay[i] as number) * MICRO) : Math.round(rule.points * MICRO);
        sums[rule.index] = (sums[rule.index] as number) - contribution;
      }
    }
    // Interest just before `latest`: positive sums were decayed to now, so scale them back to `latest`.
    const growth = Math.exp((nowMs - latest) * compiled.decayRate);
    let raw = 0;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r] as (typeof rules)[number];
      const sum = sums[r] as number;
      if (sum === 0) continue;
      const value = rule.points > 0 ? (sum * growth) / MICRO : sum / MICRO;
      raw += value > rule.cap ? rule.cap : Math.max(value, -rule.cap);
    }
    const share = raw / normalizationMax;
    const interest = Math.round((share <= 0 ? 0 : Math.min(share, 1)) * 100);
    if (interest < threshold) return latest;
  }
  return undefined;
}
