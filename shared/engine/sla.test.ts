import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { score } from './score';
import { slaClock } from './sla';
import { event, NOW, NOW_MS } from './testSupport';

const HOUR = 3_600_000;
const hoursAgo = (hours: number) => new Date(NOW_MS - hours * HOUR).toISOString();

describe('slaClock', () => {
  it('is due followUpHours after the lead became hot', () => {
    const clock = slaClock(defaultModel, { quadrant: 'hot', quadrantSince: hoursAgo(5), now: NOW });
    expect(clock).toEqual({
      startedAt: hoursAgo(5),
      dueAt: new Date(NOW_MS + 19 * HOUR).toISOString(),
      breached: false,
      met: false,
      hours: 24,
    });
  });

  it('is breached once now passes the due time without an attempt', () => {
    expect(slaClock(defaultModel, { quadrant: 'hot', quadrantSince: hoursAgo(24), now: NOW })?.breached).toBe(false);
    expect(slaClock(defaultModel, { quadrant: 'hot', quadrantSince: hoursAgo(25), now: NOW })?.breached).toBe(true);
  });

  it('stops (met) at the first attempt since the start; a late attempt stays breached', () => {
    const inTime = slaClock(defaultModel, {
      quadrant: 'hot',
      quadrantSince: hoursAgo(30),
      attempts: [{ at: hoursAgo(10) }],
      now: NOW,
    });
    expect(inTime).toMatchObject({ met: true, breached: false });
    const late = slaClock(defaultModel, {
      quadrant: 'hot',
      quadrantSince: hoursAgo(30),
      attempts: [{ at: hoursAgo(2) }],
      now: NOW,
    });
    expect(late).toMatchObject({ met: true, breached: true });
    const before = slaClock(defaultModel, {
      quadrant: 'hot',
      quadrantSince: hoursAgo(30),
      attempts: [{ at: hoursAgo(40) }],
      now: NOW,
    });
    expect(before).toMatchObject({ met: false, breached: true });
  });

  it('starts when the lead entered the clock stage, even when not hot, using the hot hours', () => {
    const history = [
      { stage: 'lead', at: hoursAgo(100) },
      { stage: 'mql', at: hoursAgo(10) },
    ];
    const clock = slaClock(defaultModel, {
      quadrant: 'nurture',
      lifecycleStage: 'mql',
      stageHistory: history,
      now: NOW,
    });
    expect(clock).toMatchObject({ startedAt: hoursAgo(10), hours: 24, breached: false });
    // Stays at the MQL entry after acceptance; a return to "lead" resets it.
    const accepted = [...history, { stage: 'sal', at: hoursAgo(5) }];
    expect(
      slaClock(defaultModel, { quadrant: 'nurture', lifecycleStage: 'sal', stageHistory: accepted, now: NOW })
        ?.startedAt,
    ).toBe(hoursAgo(10));
    expect(
      slaClock(defaultModel, {
        quadrant: 'nurture',
        lifecycleStage: 'lead',
        stageHistory: [...history, { stage: 'lead', at: hoursAgo(2) }],
        now: NOW,
      }),
    ).toBeUndefined();
    // Hot and MQL: whichever came first.
    expect(
      slaClock(defaultModel, {
        quadrant: 'hot',
        quadrantSince: hoursAgo(3),
        lifecycleStage: 'mql',
        stageHistory: history,
        now: NOW,
      })?.startedAt,
    ).toBe(hoursAgo(10));
  });

  it('has no clock without a start, for customers or for disqualified leads', () => {
    expect(slaClock(defaultModel, { quadrant: 'hot', now: NOW })).toBeUndefined();
    expect(slaClock(defaultModel, { quadrant: 'nurture', quadrantSince: hoursAgo(1), now: NOW })).toBeUndefined();
    expect(
      slaClock(defaultModel, { quadrant: 'hot', quadrantSince: hoursAgo(1), lifecycleStage: 'customer', now: NOW }),
    ).toBeUndefined();
    expect(
      slaClock(defaultModel, { quadrant: 'hot', quadrantSince: hoursAgo(1), leadStatus: 'disqualified', now: NOW }),
    ).toBeUndefined();
  });
});

describe('SLA in score()', () => {
  const hotFacts = {
    id: 'l1',
    email: 'a@bank.jp',
    title: 'Head of IT',
    industry: 'Banking',
    employees: 9000,
    country: 'JP',
    lifecycleStage: 'lead',
  };

  it('replays when a hot lead became hot: the event that pushed interest over the threshold', () => {
    const events = [event('form_submit', 10), event('demo_request', 2), event('pricing_view', 1)];
    const result = score(defaultModel, hotFacts, events, NOW);
    expect(result.quadrant).toBe('hot');
    expect(result.sla?.startedAt).toBe(events[1]?.at);
    expect(result.sla?.breached).toBe(true);
    const withAttempt = score(defaultModel, hotFacts, events, NOW, { attempts: [{ at: events[2]?.at ?? '' }] });
    expect(withAttempt.sla).toMatchObject({ met: true, breached: false });
  });

  it('uses the stored quadrantSince when given', () => {
    const events = [event('demo_request', 2), event('pricing_view', 1)];
    const result = score(defaultModel, hotFacts, events, NOW, { quadrantSince: hoursAgo(3) });
    expect(result.sla).toMatchObject({ startedAt: hoursAgo(3), breached: false, met: false });
  });
});
