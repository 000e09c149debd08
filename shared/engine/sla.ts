import type { Quadrant } from '../schemas/common';
import type { StageHistoryEntry } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';
import {
  REPLAY_BUCKETS as BUCKETS,
  type CompiledBehaviourRule,
  type CompiledModel,
  compileModel,
  type EvalState,
  MICRO as MICRO_POINTS,
} from './compile';
import { microContribution as contributionFunction, normalizeInterest } from './interest';
import { DISQUALIFIED_STATUS } from './lifecycle';
import { HOUR_MS, parseIsoMs, toEpochMs, toIso } from './time';

/* Module-local copies for the replay's loops (see the same in interest.ts). */
const MICRO = MICRO_POINTS;
const REPLAY_BUCKETS = BUCKETS;
const microContribution = contributionFunction;

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

/** Bound slack in micro-points: far above the float error of the bound's running sum, far below a point. */
const BOUND_SLACK_MICRO = 1;

/** A rule's capped term in micro-points, its positive sum scaled by `growth` (see hotSinceFromEvents). */
function boundTerm(rule: { points: number; cap: number }, sum: number, growth: number): number {
  const cap = rule.cap * MICRO;
  const value = rule.points > 0 ? sum * growth : sum;
  return value > cap ? cap : Math.max(value, -cap);
}

function growArrays(compiled: CompiledModel, state: EvalState): void {
  const rules = compiled.ruleSums.length;
  if (compiled.replaySums.length < rules) compiled.replaySums = new Float64Array(rules);
  if (compiled.replayBucketSums.length < REPLAY_BUCKETS * rules)
    compiled.replayBucketSums = new Float64Array(REPLAY_BUCKETS * rules);
  if (compiled.replayKeys.length < state.eventCount) {
    const capacity = state.eventTime.length;
    compiled.replayKeys = new Float64Array(capacity);
    compiled.replayAges = new Float64Array(capacity);
    compiled.replayBucketOf = new Uint8Array(capacity);
  }
}

/**
 * When the current hot streak began, replayed from the events: the latest event time just
 * before which interest was below the threshold (fit is taken as it is now). Walks back from
 * the newest moment, removing events from the sums computed at `now`, and stops at the first
 * moment that was not hot. Events in the same second count as one moment.
 *
 * A lead hot for months walks back through nearly all its events, and ordering them and checking
 * each moment was most of a replayed score. So the events are split by age into REPLAY_BUCKETS
 * time buckets with per-rule sums (linear, no sort), and a bucket is skipped whole when a lower
 * bound on interest holds for every moment in it: positive rules without any of the bucket's events,
 * scaled by the smallest growth any of its moments has (growth only increases going back), negative
 * rules with all of them. Only a bucket the bound cannot clear is ordered (its own events) and walked
 * moment by moment, keeping a running lower bound as it goes so that most exact checks are skipped.
 * The moment returned is the same as checking every moment exactly (hotSince.test.ts).
 *
 * Needs `accumulateInterest` to have run on `state`. Undefined when interest was never below
 * the threshold or there are too many events to pack (over 2^21).
 */
export function hotSinceFromEvents(compiled: CompiledModel, state: EvalState): number | undefined {
  const model = compiled.model;
  const count = state.eventCount;
  if (count === 0 || count > MAX_REPLAY_EVENTS || model.quadrants.interestHigh <= 0) return undefined;
  growArrays(compiled, state);
  const { eventSlot, eventTime, nowMs } = state;
  const { replayAges: ages, replayBucketOf: bucketOf, replayBucketCount: bucketCount } = compiled;
  const { replayBucketStart: bucketStart, replayBucketSums: bucketSums, replayKeys: keys } = compiled;
  const decay = compiled.eventDecay;
  const ruleCount = compiled.ruleSums.length;
  const sums = compiled.replaySums;
  sums.set(compiled.ruleSums);
  // Packed keys (age in whole seconds, then event index) order a bucket's events newest first.
  const indexBits = Math.max(1, Math.ceil(Math.log2(count)));
  const indexScale = 2 ** indexBits;
  const maxAgeSeconds = 2 ** (53 - indexBits) - 1;
  const ageOf = (time: number) => Math.min(maxAgeSeconds, Math.max(0, Math.floor((nowMs - time) / 1000)));
  const minAge = ageOf(state.maxEventTime);
  const width = Math.floor((ageOf(state.minEventTime) - minAge) / REPLAY_BUCKETS) + 1;
  bucketCount.fill(0);
  bucketSums.fill(0, 0, REPLAY_BUCKETS * ruleCount);
  const { ruleEntryStart, ruleEntryIndex, ruleEntryPoints } = compiled;
  for (let i = 0; i < count; i++) {
    const age = ageOf(eventTime[i] as number);
    ages[i] = age;
    const bucket = Math.floor((age - minAge) / width);
    bucketOf[i] = bucket;
    bucketCount[bucket] = (bucketCount[bucket] as number) + 1;
    const slot = eventSlot[i] as number;
    const end = ruleEntryStart[slot + 1] as number;
    for (let e = ruleEntryStart[slot] as number; e < end; e++) {
      const at = bucket * ruleCount + (ruleEntryIndex[e] as number);
      bucketSums[at] = (bucketSums[at] as number) + microContribution(ruleEntryPoints[e] as number, decay[i] as number);
    }
  }
  bucketStart[0] = 0;
  for (let b = 0; b < REPLAY_BUCKETS; b++) bucketStart[b + 1] = (bucketStart[b] as number) + (bucketCount[b] as number);
  let keysFilled = false;
  const rules = compiled.model.behaviour.rules;
  const hotMicro = compiled.hotRawMicro;
  for (let b = 0; b < REPLAY_BUCKETS; b++) {
    if (bucketCount[b] === 0) continue;
    // Every moment in this bucket is at least (minAge + b * width) seconds old.
    const leastGrowth = Math.exp((minAge + b * width) * 1000 * compiled.decayRate);
    let bound = 0;
    for (let r = 0; r < ruleCount; r++) {
      const rule = rules[r] as (typeof rules)[number];
      const sum = sums[r] as number;
      bound += boundTerm(rule, rule.points > 0 ? sum - (bucketSums[b * ruleCount + r] as number) : sum, leastGrowth);
    }
    if (bound - BOUND_SLACK_MICRO >= hotMicro) {
      for (let r = 0; r < ruleCount; r++) sums[r] = (sums[r] as number) - (bucketSums[b * ruleCount + r] as number);
      continue;
    }
    if (!keysFilled) {
      // Counting sort by bucket; bucketStart is restored afterwards.
      for (let i = 0; i < count; i++) {
        const bucket = bucketOf[i] as number;
        keys[bucketStart[bucket] as number] = (ages[i] as number) * indexScale + i;
        bucketStart[bucket] = (bucketStart[bucket] as number) + 1;
      }
      for (let k = 0; k < REPLAY_BUCKETS; k++) bucketStart[k] = (bucketStart[k] as number) - (bucketCount[k] as number);
      keysFilled = true;
    }
    const since = walkBucket(compiled, state, keys.subarray(bucketStart[b], bucketStart[b + 1]), indexScale);
    if (since !== undefined) return since;
  }
  return undefined;
}

/**
 * Walks one bucket's moments newest first, removing their events from `compiled.replaySums`, and
 * returns the first moment just before which interest was not hot. Keeps a lower bound on raw
 * interest at the growth of the last exact check, updated as events are removed: growth only
 * increases going back, so while the bound alone is hot the exact check (every rule and an exp) is skipped.
 */
function walkBucket(
  compiled: CompiledModel,
  state: EvalState,
  keys: Float64Array,
  indexScale: number,
): number | undefined {
  const model = compiled.model;
  const { eventSlot, eventTime, nowMs } = state;
  const decay = compiled.eventDecay;
  const sums = compiled.replaySums;
  const rules = model.behaviour.rules;
  const threshold = model.quadrants.interestHigh;
  keys.sort();
  // Lower bound on raw interest in micro-points, valid at any growth >= boundGrowth; 0 = none yet.
  let boundGrowth = 0;
  let bound = 0;
  let next = 0;
  while (next < keys.length) {
    const groupAge = Math.floor((keys[next] as number) / indexScale);
    // The newest moment left: remove every event of that second, remembering its latest time (future = now).
    let latest = Number.NEGATIVE_INFINITY;
    while (next < keys.length && Math.floor((keys[next] as number) / indexScale) === groupAge) {
      const i = (keys[next++] as number) - groupAge * indexScale;
      const t = Math.min(eventTime[i] as number, nowMs);
      if (t > latest) latest = t;
      const slotRules = compiled.slotRules[eventSlot[i] as number] as CompiledBehaviourRule[];
      for (let k = 0; k < slotRules.length; k++) {
        const rule = slotRules[k] as CompiledBehaviourRule;
        const before = sums[rule.index] as number;
        const after = before - microContribution(rule.points, decay[i] as number);
        sums[rule.index] = after;
        if (boundGrowth > 0) bound += boundTerm(rule, after, boundGrowth) - boundTerm(rule, before, boundGrowth);
      }
    }
    if (boundGrowth > 0 && bound - BOUND_SLACK_MICRO >= compiled.hotRawMicro) continue;
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
