import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { type LeadEvent, STANDARD_EVENT_TYPES } from '../schemas/lead';
import type { AlignmentModel } from '../schemas/model';
import { type CompiledModel, compileModel, type EvalState, MICRO } from './compile';
import { hotSinceFromEvents } from './sla';
import { prepareState, releaseState } from './state';
import { copyModel, NOW_MS } from './testSupport';

const DAY = 86_400_000;

/**
 * The replay as it was before the walk kept a lower bound: every moment checked exactly, newest
 * first (sorted here instead of a heap; the sums are whole micro-points, so removal order within a
 * moment cannot matter). The bounded walk must return exactly this.
 */
function everyMomentChecked(compiled: CompiledModel, state: EvalState): number | undefined {
  const model = compiled.model;
  const count = state.eventCount;
  if (count === 0 || model.quadrants.interestHigh <= 0) return undefined;
  const sums = Float64Array.from(compiled.ruleSums);
  const order = Array.from({ length: count }, (_, i) => i);
  const ageSeconds = (i: number) => Math.max(0, Math.floor((state.nowMs - (state.eventTime[i] as number)) / 1000));
  order.sort((a, b) => ageSeconds(a) - ageSeconds(b) || a - b);
  let next = 0;
  while (next < count) {
    const groupAge = ageSeconds(order[next] as number);
    let latest = Number.NEGATIVE_INFINITY;
    while (next < count && ageSeconds(order[next] as number) === groupAge) {
      const i = order[next++] as number;
      latest = Math.max(latest, Math.min(state.eventTime[i] as number, state.nowMs));
      for (const rule of compiled.slotRules[state.eventSlot[i] as number] ?? []) {
        sums[rule.index] =
          (sums[rule.index] as number) -
          (rule.points > 0
            ? Math.round(rule.points * (compiled.eventDecay[i] as number) * MICRO)
            : Math.round(rule.points * MICRO));
      }
    }
    const growth = Math.exp((state.nowMs - latest) * compiled.decayRate);
    let raw = 0;
    model.behaviour.rules.forEach((rule, r) => {
      const sum = sums[r] as number;
      if (sum === 0) return;
      const value = rule.points > 0 ? (sum * growth) / MICRO : sum / MICRO;
      raw += value > rule.cap ? rule.cap : Math.max(value, -rule.cap);
    });
    const share = raw / model.behaviour.normalizationMax;
    if (Math.round((share <= 0 ? 0 : Math.min(share, 1)) * 100) < model.quadrants.interestHigh) return latest;
  }
  return undefined;
}

function variant(change: (model: AlignmentModel) => void): AlignmentModel {
  const model = copyModel(defaultModel);
  change(model);
  return model;
}

const models = [
  defaultModel,
  variant((m) => {
    m.behaviour.halfLifeDays = 7;
    m.quadrants.interestHigh = 30;
  }),
  variant((m) => {
    m.behaviour.normalizationMax = 40;
    m.quadrants.interestHigh = 90;
  }),
  variant((m) => {
    m.behaviour.halfLifeDays = 120;
    m.quadrants.interestHigh = 99;
  }),
];

const typeArb = fc.constantFrom(...STANDARD_EVENT_TYPES, 'email_unsubscribe', 'email_unsubscribe');
/** Whole seconds from a few hot weeks to a cold year, some in the future, many sharing a second. */
const eventsArb = fc.array(
  fc.record({
    type: typeArb,
    secondsAgo: fc.oneof(
      fc.integer({ min: -3 * 86_400, max: 365 * 86_400 }),
      fc.integer({ min: 0, max: 20 }),
      fc.integer({ min: 0, max: 14 * 86_400 }),
    ),
    millis: fc.integer({ min: 0, max: 999 }),
  }),
  { maxLength: 260 },
);

describe('hotSinceFromEvents', () => {
  it('finds the same moment as checking every moment exactly', () => {
    fc.assert(
      fc.property(fc.constantFrom(...models.keys()), eventsArb, (modelIndex, drawn) => {
        const compiled = compileModel(models[modelIndex] as AlignmentModel);
        const events: LeadEvent[] = drawn.map(({ type, secondsAgo, millis }, i) => ({
          id: `e${i}`,
          email: 'p@example.com',
          type,
          at: new Date(NOW_MS - secondsAgo * 1000 + millis).toISOString(),
        }));
        const state = prepareState(compiled, {}, events, NOW_MS);
        const expected = everyMomentChecked(compiled, state);
        expect(hotSinceFromEvents(compiled, state)).toBe(expected);
        releaseState(state);
      }),
      { numRuns: 400 },
    );
  });

  it('walks back through a lead hot for months to the moment it turned hot', () => {
    const compiled = compileModel(defaultModel);
    const events: LeadEvent[] = Array.from({ length: 200 }, (_, i) => ({
      id: `e${i}`,
      email: 'p@example.com',
      type: STANDARD_EVENT_TYPES[i % STANDARD_EVENT_TYPES.length] as string,
      at: new Date(NOW_MS - ((i * 7919) % 120) * DAY - i * 1000).toISOString(),
    }));
    const state = prepareState(compiled, {}, events, NOW_MS);
    expect(state.interest).toBe(100);
    const since = hotSinceFromEvents(compiled, state);
    expect(since).toBeDefined();
    expect(since).toBe(everyMomentChecked(compiled, state));
    expect(NOW_MS - (since as number)).toBeGreaterThan(60 * DAY);
    releaseState(state);
  });
});
