import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import type { LeadEvent } from '../schemas/lead';
import { STANDARD_EVENT_TYPES } from '../schemas/lead';
import { ScoreResultSchema } from '../schemas/score';
import { scoreInterest } from './interest';
import { score } from './score';
import { NOW_MS } from './testSupport';
import { validateModel } from './validateModel';

const DAY = 86_400_000;
const POSITIVE_TYPES = defaultModel.behaviour.rules
  .filter((rule) => rule.points > 0)
  .flatMap((rule) => rule.eventTypes);
const ALL_TYPES = [...STANDARD_EVENT_TYPES, 'email_unsubscribe', 'custom_signal'];

const timeArb = fc.integer({ min: NOW_MS - 400 * DAY, max: NOW_MS + 5 * DAY }).map((ms) => new Date(ms).toISOString());
const eventArb = (types: readonly string[]) =>
  fc.record({
    id: fc.uuid(),
    email: fc.constant('p@example.com'),
    type: fc.constantFrom(...types),
    at: timeArb,
  }) as fc.Arbitrary<LeadEvent>;
const eventsArb = fc.array(eventArb(ALL_TYPES), { maxLength: 60 });
const factsArb = fc.record(
  {
    title: fc.oneof(
      fc.constantFrom(
        'Head of IT',
        '情報システム部長',
        'Direttore IT',
        'مدير تقنية المعلومات',
        'CFO',
        'Student',
        'Operations Manager',
      ),
      fc.string({ maxLength: 40 }),
    ),
    industry: fc.constantFrom('Banking', 'Software', 'Retail', 'Manufacturing', ''),
    employees: fc.integer({ min: 0, max: 200_000 }),
    country: fc.constantFrom('JP', 'US', 'IT', 'AE', 'BR'),
    email: fc.constantFrom('a@gmail.com', 'b@bank.co.jp'),
    lifecycleStage: fc.constantFrom('subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer', 'mystery'),
  },
  { requiredKeys: [] },
);
const nowArb = fc.integer({ min: NOW_MS - 30 * DAY, max: NOW_MS + 30 * DAY }).map((ms) => new Date(ms).toISOString());

describe('scoring properties', () => {
  it('keeps fit, interest and score integers within 0–100 and the result valid', () => {
    fc.assert(
      fc.property(factsArb, eventsArb, nowArb, (facts, events, now) => {
        const result = score(defaultModel, facts, events, now);
        for (const value of [result.fit, result.interest, result.score]) {
          expect(Number.isInteger(value) && value >= 0 && value <= 100).toBe(true);
        }
        expect(ScoreResultSchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never lowers interest when a positively scored event is added', () => {
    fc.assert(
      fc.property(eventsArb, eventArb(POSITIVE_TYPES), nowArb, (events, extra, now) => {
        const before = scoreInterest(defaultModel, events, now);
        const after = scoreInterest(defaultModel, [...events, extra], now);
        expect(after.raw).toBeGreaterThanOrEqual(before.raw);
        expect(after.interest).toBeGreaterThanOrEqual(before.interest);
      }),
      { numRuns: 300 },
    );
  });

  it('never raises interest as time passes without new events', () => {
    fc.assert(
      fc.property(eventsArb, nowArb, fc.integer({ min: 0, max: 400 * DAY }), (events, now, later) => {
        const earlier = scoreInterest(defaultModel, events, now);
        const afterwards = scoreInterest(defaultModel, events, new Date(Date.parse(now) + later).toISOString());
        expect(afterwards.raw).toBeLessThanOrEqual(earlier.raw);
        expect(afterwards.interest).toBeLessThanOrEqual(earlier.interest);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of events', () => {
    fc.assert(
      fc.property(
        factsArb,
        eventsArb.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        nowArb,
        (facts, [events, shuffled], now) => {
          expect(score(defaultModel, facts, shuffled, now)).toEqual(score(defaultModel, facts, events, now));
        },
      ),
      { numRuns: 200 },
    );
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function leafPaths(
  value: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      leafPaths(item, [...prefix, index], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) leafPaths(item, [...prefix, key], out);
  } else {
    out.push(prefix);
  }
  return out;
}

describe('validation property', () => {
  const modelJson = JSON.parse(JSON.stringify(defaultModel)) as Json;
  const leaves = leafPaths(modelJson);

  it('rejects a model with any one field set to a bad value, naming that field', () => {
    expect(leaves.length).toBeGreaterThan(500);
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.constantFrom<Json>({ bad: true }, [1, 2]), (path, badValue) => {
        const broken = structuredClone(modelJson) as Record<string | number, Json>;
        let parent = broken as Json;
        for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] as Json;
        (parent as Record<string | number, Json>)[path[path.length - 1] as string | number] = badValue;
        const result = validateModel(broken);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.map((error) => error.path)).toContain(path.join('.'));
      }),
      { numRuns: 400 },
    );
  });
});
