import type { ScoringEvent } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';
import type { WhyItem } from '../schemas/score';
import { type CompiledModel, compileModel, type EvalState, MICRO as MICRO_POINTS } from './compile';
import { halfLifeDecay as decayFunction } from './decay';
import { indexEvents } from './events';
import { baseLocale, pickText } from './text';
import { toEpochMs } from './time';

/*
 * Module-local copies for the per-event loop: where modules are compiled to CommonJS one by one (tsx,
 * which runs `npm run bench`), every use of an imported binding is a getter call on the module object.
 */
const MICRO = MICRO_POINTS;
const halfLifeDecay = decayFunction;

/**
 * What one event adds to a rule's sum, in whole micro-points: positive points decayed, negative
 * points not (see accumulateInterest). The hot-start replay removes exactly these amounts again.
 */
export function microContribution(points: number, decay: number): number {
  return points > 0 ? Math.round(points * decay * MICRO) : Math.round(points * MICRO);
}

/**
 * Fills `compiled.ruleSums` from the indexed events and returns raw interest.
 *
 * Positive points decay by 0.5^(age / halfLife); a future-dated event has age 0. Negative points
 * (unsubscribe, bounce) do not decay: a "no" stands until new activity outweighs it, and a
 * prospect must never look more interested merely because they stayed silent longer.
 * Each rule's sum is capped in absolute value.
 *
 * Sums are kept in whole micro-points: integer addition is exact, so the result cannot depend
 * on the order of the events (floating-point addition would, in the last bits).
 */
export function accumulateInterest(compiled: CompiledModel, state: EvalState): number {
  const sums = compiled.ruleSums;
  sums.fill(0);
  const { eventSlot, eventTime, nowMs } = state;
  if (compiled.eventDecay.length < state.eventCount) compiled.eventDecay = new Float64Array(state.eventTime.length);
  const eventDecay = compiled.eventDecay;
  const halfLifeMs = compiled.halfLifeMs;
  const { ruleEntryStart, ruleEntryIndex, ruleEntryPoints } = compiled;
  for (let i = 0; i < state.eventCount; i++) {
    const slot = eventSlot[i] as number;
    const first = ruleEntryStart[slot] as number;
    const end = ruleEntryStart[slot + 1] as number;
    if (first === end) continue;
    const decay = halfLifeDecay(nowMs - (eventTime[i] as number), halfLifeMs);
    eventDecay[i] = decay;
    for (let e = first; e < end; e++) {
      const points = ruleEntryPoints[e] as number;
      const rule = ruleEntryIndex[e] as number;
      sums[rule] = (sums[rule] as number) + microContribution(points, decay);
    }
  }
  return cappedTotal(compiled, sums);
}

/** Raw interest in points from per-rule sums in micro-points. */
export function cappedTotal(compiled: CompiledModel, sums: Float64Array): number {
  const rules = compiled.model.behaviour.rules;
  let raw = 0;
  for (let r = 0; r < rules.length; r++) {
    const sum = sums[r] as number;
    const cap = (rules[r] as (typeof rules)[number]).cap * MICRO;
    raw += sum > cap ? cap : Math.max(sum, -cap);
  }
  return raw / MICRO;
}

/** Maps raw interest onto 0–100: 0 or less is 0, `normalizationMax` or more is 100. */
export function normalizeInterest(model: AlignmentModel, raw: number): number {
  const share = raw / model.behaviour.normalizationMax;
  return Math.round((share <= 0 ? 0 : Math.min(share, 1)) * 100);
}

/** One "why" line per behaviour rule that contributed, with its decayed, capped points (2 decimals). */
export function interestWhy(compiled: CompiledModel, locale: string, out: WhyItem[]): void {
  const base = baseLocale(locale);
  const rules = compiled.model.behaviour.rules;
  for (let r = 0; r < rules.length; r++) {
    const sum = (compiled.ruleSums[r] as number) / MICRO;
    if (sum === 0) continue;
    const rule = rules[r] as (typeof rules)[number];
    const capped = sum > rule.cap ? rule.cap : Math.max(sum, -rule.cap);
    const points = Math.round(capped * 100) / 100;
    if (points === 0) continue;
    out.push({ rule: rule.id, label: pickText(rule.label, locale, base), points, kind: 'interest' });
  }
}

/** Interest from behaviour: 0–100, with the rules that contributed. */
export function scoreInterest(
  model: AlignmentModel,
  events: readonly ScoringEvent[],
  now: Date | string,
  locale = 'en',
): { interest: number; raw: number; why: WhyItem[] } {
  const compiled = compileModel(model);
  const state = compiled.state;
  state.nowMs = toEpochMs(now);
  indexEvents(state, compiled.slotOf, events);
  const raw = accumulateInterest(compiled, state);
  const why: WhyItem[] = [];
  interestWhy(compiled, locale, why);
  return { interest: normalizeInterest(model, raw), raw, why };
}
