import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { type LeadEvent, type ScoringEvent, STANDARD_EVENT_TYPES } from '../schemas/lead';
import { score } from './score';
import { NOW, NOW_MS } from './testSupport';
import { parseIsoMs } from './time';

const DAY = 86_400_000;
const ALL_TYPES = [...STANDARD_EVENT_TYPES, 'email_unsubscribe', 'custom_signal'];

/** The shapes `at` arrives in: stored (`toISOString`), with an offset, without seconds or fraction. */
const atArb = fc
  .tuple(
    fc.integer({ min: NOW_MS - 400 * DAY, max: NOW_MS + 5 * DAY }),
    fc.constantFrom('iso', 'offset', 'minutes', 'micros'),
    fc.integer({ min: -12, max: 14 }),
  )
  .map(([ms, shape, offsetHours]) => {
    const iso = new Date(ms).toISOString();
    if (shape === 'iso') return iso;
    if (shape === 'minutes') return `${iso.slice(0, 16)}Z`;
    if (shape === 'micros') return `${iso.slice(0, 23)}456Z`;
    const local = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 23);
    const sign = offsetHours < 0 ? '-' : '+';
    return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
  });

const eventArb = fc.record({
  id: fc.uuid(),
  email: fc.constant('p@example.com'),
  type: fc.constantFrom(...ALL_TYPES),
  at: atArb,
}) as fc.Arbitrary<LeadEvent>;

const factsArb = fc.record(
  {
    id: fc.constant('lead-1'),
    title: fc.constantFrom('Head of IT', '情報システム部長', 'Direttore IT', 'مدير تقنية المعلومات', 'CFO', 'Student'),
    industry: fc.constantFrom('Banking', 'Software', 'Retail', 'Manufacturing'),
    employees: fc.integer({ min: 0, max: 200_000 }),
    country: fc.constantFrom('JP', 'US', 'IT', 'AE', 'BR'),
    lifecycleStage: fc.constantFrom('subscriber', 'lead', 'mql', 'sal', 'sql', 'customer'),
  },
  { requiredKeys: [] },
);

const contextArb = fc.record(
  {
    locale: fc.constantFrom('en', 'ja', 'it-IT', 'ar'),
    quadrantSince: fc.integer({ min: NOW_MS - 10 * DAY, max: NOW_MS }).map((ms) => new Date(ms).toISOString()),
  },
  { requiredKeys: [] },
);

describe('pre-parsed event times (atMs)', () => {
  it('give exactly the result of parsing `at`, whether all, some or none of the events carry them', () => {
    fc.assert(
      fc.property(
        factsArb,
        fc.array(fc.tuple(eventArb, fc.boolean()), { maxLength: 80 }),
        fc.integer({ min: NOW_MS - 30 * DAY, max: NOW_MS + 30 * DAY }),
        contextArb,
        (facts, drawn, nowMs, context) => {
          const events = drawn.map(([event]) => event);
          // As the Worker hands them over: `atMs` where the row has at_ms, absent on rows not backfilled.
          const preParsed: ScoringEvent[] = drawn.map(([event, stored]) =>
            stored ? { ...event, atMs: parseIsoMs(event.at) } : event,
          );
          const allPreParsed: ScoringEvent[] = events.map((event) => ({ ...event, atMs: parseIsoMs(event.at) }));
          const now = new Date(nowMs).toISOString();
          const expected = score(defaultModel, facts, events, now, context);
          expect(score(defaultModel, facts, preParsed, now, context)).toEqual(expected);
          expect(score(defaultModel, facts, allPreParsed, now, context)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('are what the engine reads when present: `at` is then not parsed at all', () => {
    // Guards that the fast path is taken, not only that results agree: a wrong atMs moves the score.
    const at = new Date(NOW_MS - DAY).toISOString();
    const demo = (atMs?: number): ScoringEvent => ({
      id: 'e1',
      email: 'p@example.com',
      type: 'demo_request',
      at,
      ...(atMs === undefined ? {} : { atMs }),
    });
    const recent = score(defaultModel, { id: 'lead-1' }, [demo()], NOW);
    expect(score(defaultModel, { id: 'lead-1' }, [demo(parseIsoMs(at))], NOW)).toEqual(recent);
    const old = score(defaultModel, { id: 'lead-1' }, [demo(NOW_MS - 365 * DAY)], NOW);
    expect(old.interest).toBeLessThan(recent.interest);
  });
});
