import type { Condition } from '../schemas/conditions';
import type { Lead, ProspectFacts } from '../schemas/lead';
import type { AlignmentModel, Persona } from '../schemas/model';
import { compilePattern, normalizeForMatch } from './text';
import { DAY_MS } from './time';

/** Interest sums are whole micro-points (see accumulateInterest). */
export const MICRO = 1_000_000;

/** What the engine can score: a stored lead, part of one, or facts read off a page. */
export type LeadFacts = Partial<Lead> | ProspectFacts;

export type MetricName = 'fit' | 'interest' | 'score';

/**
 * Everything one evaluation needs, reused across calls so scoring allocates little.
 * Event times are bucketed by slot (one slot per event type any rule or condition names),
 * so an event condition only looks at the events of its own types.
 */
export interface EvalState {
  facts: LeadFacts;
  nowMs: number;
  /** Per slot: how many events, and where its times start in `times`. */
  slotCount: Int32Array;
  slotStart: Int32Array;
  times: Float64Array;
  /** Parsed events in input order (slot, time) before bucketing. */
  eventSlot: Int32Array;
  eventTime: Float64Array;
  eventCount: number;
  /** Earliest and latest of the indexed events' times (see hotSinceFromEvents). */
  minEventTime: number;
  maxEventTime: number;
  fit: number;
  interest: number;
  score: number;
}

export type CompiledCondition = (state: EvalState) => boolean;

export interface CompiledBehaviourRule {
  index: number;
  points: number;
  cap: number;
}

export interface CompiledPersona {
  persona: Persona;
  titles: { regex: RegExp; weight: number; pattern: string; locale: string }[];
  departments: { regex: RegExp; pattern: string }[];
  seniorities: { regex: RegExp; pattern: string }[];
}

export interface CompiledModel {
  model: AlignmentModel;
  slotOf: Map<string, number>;
  /** Behaviour rules (indexes into model.behaviour.rules) that score each slot. */
  slotRules: CompiledBehaviourRule[][];
  /**
   * `slotRules` flattened into typed arrays for the per-event loop: the rules scoring slot s are
   * entries ruleEntryStart[s] … ruleEntryStart[s + 1] - 1, each a rule index and its points.
   */
  ruleEntryStart: Int32Array;
  ruleEntryIndex: Int32Array;
  ruleEntryPoints: Float64Array;
  /** Half-life of positive behaviour points in ms: decay factor 0.5^(age / halfLifeMs) (see halfLifeDecay). */
  halfLifeMs: number;
  /** ln 2 / halfLifeMs: the growth that undoes decay is exp(age * decayRate). */
  decayRate: number;
  /** Per behaviour rule: the decayed sum in micro-points for the current call. */
  ruleSums: Float64Array;
  /** Per indexed event: its decay factor at `now` for the current call. */
  eventDecay: Float64Array;
  /** Scratch for replaying when a lead turned hot (see hotSinceFromEvents). */
  replaySums: Float64Array;
  /** Per indexed event: its age in whole seconds, then its time bucket (see hotSinceFromEvents). */
  replayAges: Float64Array;
  replayBucketOf: Uint8Array;
  /** Packed sort keys of the events, grouped by time bucket. */
  replayKeys: Float64Array;
  /** Per time bucket: how many events, where its keys start, and its per-rule sums in micro-points. */
  replayBucketCount: Int32Array;
  replayBucketStart: Int32Array;
  replayBucketSums: Float64Array;
  /**
   * Raw interest in micro-points at or above which interest is surely at the hot threshold: a little
   * above the exact boundary of normalizeInterest's rounding, so a bound that clears it needs no
   * exact check (one that does not is checked exactly).
   */
  hotRawMicro: number;
  fitRules: CompiledCondition[];
  /** Per fit rule: 1 when it matched in the current call. */
  fitMatched: Uint8Array;
  journeyStages: (CompiledCondition | undefined)[];
  stageIndex: Map<string, number>;
  entryCriteria: { stage: number; id: string; when: CompiledCondition }[][];
  personas: CompiledPersona[];
  /** Persona matches by normalised title/department/seniority; titles repeat a lot across pages. */
  personaCache: Map<string, PersonaHit[]>;
  /** Grades best first. */
  grades: { grade: string; minFit: number }[];
  state: EvalState;
}

export interface PersonaHit {
  persona: Persona;
  confidence: number;
  matched: string[];
}

const cache = new WeakMap<AlignmentModel, CompiledModel>();

/** Time buckets the hot-start replay splits a lead's events into (see hotSinceFromEvents). */
export const REPLAY_BUCKETS = 32;

/** Bounds of each `matches` condition's memo: a few hundred KB at most, even for long attribute values. */
const MATCH_MEMO_LIMIT = 500;
const MATCH_MEMO_MAX_LENGTH = 300;

/** Returns the compiled form of a model, compiling it on first use. Models are treated as immutable. */
export function compileModel(model: AlignmentModel): CompiledModel {
  let compiled = cache.get(model);
  if (!compiled) {
    compiled = buildCompiledModel(model);
    cache.set(model, compiled);
  }
  return compiled;
}

export function readAttribute(facts: LeadFacts, path: string): unknown {
  if (path.startsWith('attributes.')) return facts.attributes?.[path.slice(11)];
  return (facts as Record<string, unknown>)[path];
}

function attributeGetter(path: string): (facts: LeadFacts) => unknown {
  if (path.startsWith('attributes.')) {
    const key = path.slice(11);
    return (facts) => facts.attributes?.[key];
  }
  return (facts) => (facts as Record<string, unknown>)[path];
}

function asNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

function equalsIgnoringCase(actual: string, expectedLower: string): boolean {
  return actual === expectedLower || (actual.length === expectedLower.length && actual.toLowerCase() === expectedLower);
}

/** Registers the event types of a condition so the event index keeps their times. */
function slotFor(slotOf: Map<string, number>, type: string): number {
  let slot = slotOf.get(type);
  if (slot === undefined) {
    slot = slotOf.size;
    slotOf.set(type, slot);
  }
  return slot;
}

/** Turns a condition into a closure; string comparisons ignore case, `matches` is case-insensitive and Unicode-aware. */
export function compileCondition(condition: Condition, slotOf: Map<string, number>): CompiledCondition {
  switch (condition.op) {
    case 'eq': {
      const get = attributeGetter(condition.attr);
      const expected = condition.value;
      if (typeof expected === 'string') {
        const lower = expected.toLowerCase();
        return (s) => {
          const actual = get(s.facts);
          return typeof actual === 'string' && equalsIgnoringCase(actual, lower);
        };
      }
      if (typeof expected === 'number') return (s) => asNumber(get(s.facts)) === expected;
      return (s) => {
        const actual = get(s.facts);
        return actual === expected || (typeof actual === 'string' && actual.toLowerCase() === String(expected));
      };
    }
    case 'in': {
      const get = attributeGetter(condition.attr);
      const strings = new Set<string>();
      const numbers = new Set<number>();
      for (const value of condition.values) {
        if (typeof value === 'number') numbers.add(value);
        else strings.add(value.toLowerCase());
      }
      return (s) => {
        const actual = get(s.facts);
        if (typeof actual === 'string') {
          if (strings.has(actual) || strings.has(actual.toLowerCase())) return true;
          return numbers.size > 0 && numbers.has(asNumber(actual));
        }
        return typeof actual === 'number' && numbers.has(actual);
      };
    }
    case 'gte': {
      const get = attributeGetter(condition.attr);
      const bound = condition.value;
      return (s) => asNumber(get(s.facts)) >= bound;
    }
    case 'lte': {
      const get = attributeGetter(condition.attr);
      const bound = condition.value;
      return (s) => asNumber(get(s.facts)) <= bound;
    }
    case 'matches': {
      const get = attributeGetter(condition.attr);
      const regex = compilePattern(condition.pattern);
      // Titles and industries repeat across leads and re-scores, and the Unicode-aware patterns (after
      // NFKC for non-ASCII text) are the costliest part of fit; the answer for a given text never changes.
      const memo = new Map<string, boolean>();
      return (s) => {
        const actual = get(s.facts);
        if (actual === undefined || actual === null) return false;
        const text = String(actual);
        let hit = memo.get(text);
        if (hit === undefined) {
          hit = regex.test(normalizeForMatch(text));
          if (text.length <= MATCH_MEMO_MAX_LENGTH) {
            if (memo.size >= MATCH_MEMO_LIMIT) memo.clear();
            memo.set(text, hit);
          }
        }
        return hit;
      };
    }
    case 'exists': {
      const get = attributeGetter(condition.attr);
      return (s) => {
        const actual = get(s.facts);
        return actual !== undefined && actual !== null && actual !== '';
      };
    }
    case 'event': {
      const slots = Int32Array.from(new Set(condition.types.map((type) => slotFor(slotOf, type))));
      const countGte = condition.countGte;
      const withinMs = condition.withinDays === undefined ? -1 : condition.withinDays * DAY_MS;
      return (s) => {
        let count = 0;
        if (withinMs < 0) {
          for (let i = 0; i < slots.length; i++) count += s.slotCount[slots[i] as number] as number;
          return count >= countGte;
        }
        // Future-dated events are "now" for recency, so they are within any window.
        const cutoff = s.nowMs - withinMs;
        for (let i = 0; i < slots.length; i++) {
          const slot = slots[i] as number;
          const end = (s.slotStart[slot] as number) + (s.slotCount[slot] as number);
          for (let j = s.slotStart[slot] as number; j < end; j++) {
            if ((s.times[j] as number) >= cutoff && ++count >= countGte) return true;
          }
        }
        return false;
      };
    }
    case 'metric': {
      const metric = condition.metric;
      const bound = condition.gte;
      return (s) => s[metric] >= bound;
    }
    case 'all': {
      const parts = condition.of.map((part) => compileCondition(part, slotOf));
      return (s) => {
        for (let i = 0; i < parts.length; i++) if (!(parts[i] as CompiledCondition)(s)) return false;
        return true;
      };
    }
    case 'any': {
      const parts = condition.of.map((part) => compileCondition(part, slotOf));
      return (s) => {
        for (let i = 0; i < parts.length; i++) if ((parts[i] as CompiledCondition)(s)) return true;
        return false;
      };
    }
    case 'not': {
      const inner = compileCondition(condition.of, slotOf);
      return (s) => !inner(s);
    }
  }
}

export function createEvalState(slots: number): EvalState {
  return {
    facts: {},
    nowMs: 0,
    slotCount: new Int32Array(slots),
    slotStart: new Int32Array(slots),
    times: new Float64Array(64),
    eventSlot: new Int32Array(64),
    eventTime: new Float64Array(64),
    eventCount: 0,
    minEventTime: Number.POSITIVE_INFINITY,
    maxEventTime: Number.NEGATIVE_INFINITY,
    fit: Number.NaN,
    interest: Number.NaN,
    score: Number.NaN,
  };
}

/**
 * normalizeInterest(raw) = round(min(raw / normalizationMax, 1) × 100) reaches an interestHigh of T
 * from raw ≥ (ceil(T) − 0.5) × normalizationMax / 100; two micro-points more absorb the float error
 * of that division and multiplication.
 */
function hotRawMicro(model: AlignmentModel): number {
  const threshold = Math.ceil(model.quadrants.interestHigh);
  if (threshold > 100) return Number.POSITIVE_INFINITY;
  return ((threshold - 0.5) * model.behaviour.normalizationMax * MICRO) / 100 + 2;
}

function buildCompiledModel(model: AlignmentModel): CompiledModel {
  const slotOf = new Map<string, number>();
  for (const rule of model.behaviour.rules) for (const type of rule.eventTypes) slotFor(slotOf, type);
  const fitRules = model.icp.rules.map((rule) => compileCondition(rule.when, slotOf));
  const journeyStages = model.journeyStages.map((stage) =>
    stage.when ? compileCondition(stage.when, slotOf) : undefined,
  );
  const stageIndex = new Map(model.lifecycle.stages.map((stage, index) => [stage.id, index]));
  const entryCriteria = model.lifecycle.stages.map((stage, index) =>
    stage.entryCriteria
      .filter((criterion) => criterion.active)
      .map((criterion) => ({ stage: index, id: criterion.id, when: compileCondition(criterion.when, slotOf) })),
  );
  const slotRules: CompiledBehaviourRule[][] = Array.from({ length: slotOf.size }, () => []);
  model.behaviour.rules.forEach((rule, index) => {
    const seen = new Set<number>();
    for (const type of rule.eventTypes) {
      const slot = slotOf.get(type) as number;
      if (seen.has(slot)) continue;
      seen.add(slot);
      slotRules[slot]?.push({ index, points: rule.points, cap: rule.cap });
    }
  });
  const entries = slotRules.flat();
  const ruleEntryStart = new Int32Array(slotRules.length + 1);
  slotRules.forEach((rules, slot) => {
    ruleEntryStart[slot + 1] = (ruleEntryStart[slot] as number) + rules.length;
  });
  const personas = model.personas.map((persona) => ({
    persona,
    titles: persona.titlePatterns.map((title) => ({
      regex: compilePattern(title.pattern),
      weight: title.weight,
      pattern: title.pattern,
      locale: title.locale,
    })),
    departments: persona.departmentPatterns.map((pattern) => ({ regex: compilePattern(pattern), pattern })),
    seniorities: persona.seniorityPatterns.map((pattern) => ({ regex: compilePattern(pattern), pattern })),
  }));
  return {
    model,
    slotOf,
    slotRules,
    ruleEntryStart,
    ruleEntryIndex: Int32Array.from(entries, (entry) => entry.index),
    ruleEntryPoints: Float64Array.from(entries, (entry) => entry.points),
    halfLifeMs: model.behaviour.halfLifeDays * DAY_MS,
    decayRate: Math.LN2 / (model.behaviour.halfLifeDays * DAY_MS),
    ruleSums: new Float64Array(model.behaviour.rules.length),
    eventDecay: new Float64Array(64),
    replaySums: new Float64Array(model.behaviour.rules.length),
    replayAges: new Float64Array(64),
    replayBucketOf: new Uint8Array(64),
    replayKeys: new Float64Array(64),
    replayBucketCount: new Int32Array(REPLAY_BUCKETS),
    replayBucketStart: new Int32Array(REPLAY_BUCKETS + 1),
    replayBucketSums: new Float64Array(REPLAY_BUCKETS * model.behaviour.rules.length),
    hotRawMicro: hotRawMicro(model),
    fitRules,
    fitMatched: new Uint8Array(fitRules.length),
    journeyStages,
    stageIndex,
    entryCriteria,
    personas,
    personaCache: new Map(),
    grades: [...model.grades].sort((a, b) => b.minFit - a.minFit),
    state: createEvalState(slotOf.size),
  };
}
