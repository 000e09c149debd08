import { describe, expect, it } from 'vitest';
import { findConversion, funnelMetrics } from './funnelMetrics';
import type { FunnelLeadInput } from './schemas';

const stageOrder = ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer'];
const d = (date: string) => `${date.length === 10 ? `${date}T00:00:00` : date}Z`;
const entries = (...pairs: [string, string][]) => pairs.map(([stage, at]) => ({ stage, at: d(at) }));

const leads: FunnelLeadInput[] = [
  {
    id: 'a',
    createdAt: d('2024-01-01'),
    source: 'ads',
    stageHistory: entries(
      ['subscriber', '2024-01-01'],
      ['lead', '2024-01-02'],
      ['mql', '2024-01-05'],
      ['sal', '2024-01-06'],
      ['sql', '2024-01-10'],
      ['opportunity', '2024-01-15'],
      ['customer', '2024-02-01'],
    ),
    hotAt: d('2024-01-05T08:00:00'),
    attempts: [{ at: d('2024-01-05T10:00:00') }],
  },
  {
    id: 'b',
    createdAt: d('2024-01-03'),
    source: 'ads',
    stageHistory: entries(['lead', '2024-01-03'], ['mql', '2024-01-04'], ['lead', '2024-01-05']),
    hotAt: d('2024-01-04'),
    attempts: [{ at: d('2024-01-06') }],
    rejections: [{ at: d('2024-01-05'), reason: 'not ready' }],
  },
  // Skips MQL and SAL: counts as having passed through them on 2024-01-20.
  {
    id: 'c',
    createdAt: d('2024-01-10'),
    source: 'seo',
    stageHistory: entries(['lead', '2024-01-10'], ['sql', '2024-01-20']),
  },
  { id: 'd', createdAt: d('2024-01-15'), stageHistory: entries(['lead', '2024-01-15']) },
  { id: 'e', createdAt: d('2024-02-10'), stageHistory: entries(['lead', '2024-02-10']) },
  // An old lead, quiet in January.
  { id: 'f', createdAt: d('2023-12-01'), stageHistory: entries(['lead', '2023-12-01']) },
  // Hot an hour before `now`, not touched yet: its SLA is pending.
  {
    id: 'g',
    createdAt: d('2024-02-29'),
    stageHistory: entries(['lead', '2024-02-29']),
    hotAt: d('2024-02-29T23:00:00'),
  },
  // Its MQL entry lies after `now` and must not count.
  { id: 'h', createdAt: d('2024-02-20'), stageHistory: entries(['lead', '2024-02-20'], ['mql', '2024-03-05']) },
];

const now = d('2024-03-01');

describe('funnelMetrics on a hand-made funnel', () => {
  const all = funnelMetrics(leads, { stageOrder, slaHours: 24, now });

  it('counts stage-to-stage conversions with skipped stages passed through', () => {
    const rate = (from: string, to: string) => {
      const c = findConversion(all, from, to);
      return c && [c.count, c.of];
    };
    expect(rate('subscriber', 'lead')).toEqual([1, 1]);
    expect(rate('lead', 'mql')).toEqual([3, 8]);
    expect(rate('mql', 'sal')).toEqual([2, 3]);
    expect(rate('sal', 'sql')).toEqual([2, 2]);
    expect(rate('sql', 'opportunity')).toEqual([1, 2]);
    expect(rate('opportunity', 'customer')).toEqual([1, 1]);
    expect(rate('lead', 'customer')).toEqual([1, 8]);
    expect(rate('mql', 'customer')).toEqual([1, 3]);
    expect(findConversion(all, 'lead', 'mql')?.rate).toBe(3 / 8);
    expect(findConversion(all, 'lead', 'customer')?.kind).toBe('overall');
  });

  it('reports visitor → lead as null when no lead has a recorded first-stage entry', () => {
    const withoutSubscribers = funnelMetrics(leads.slice(1), { stageOrder, now });
    expect(findConversion(withoutSubscribers, 'subscriber', 'lead')).toEqual({
      from: 'subscriber',
      to: 'lead',
      kind: 'step',
      count: 0,
      of: 0,
      rate: null,
    });
  });

  it('gives median calendar days per stage, the sales cycle and first contact → won', () => {
    const stage = (id: string) => all.stages.find((s) => s.stage === id);
    // lead: a 3 days, b 1, c 10 → 3
    expect(stage('lead')?.days).toEqual({ count: 3, median: 3 });
    // mql: a 1 day, c 0 (skipped) → 0.5
    expect(stage('mql')?.days).toEqual({ count: 2, median: 0.5 });
    expect(stage('customer')?.days).toEqual({ count: 0, median: null });
    expect(stage('lead')?.entered).toBe(8);
    expect(all.salesCycleDays).toEqual({ count: 1, median: 31 });
    expect(all.firstContactToWonDays).toEqual({ count: 1, median: 27 });
  });

  it('measures SLA compliance and first-touch time of hot leads', () => {
    // a: touched after 2 h (met); b: after 48 h (breached); g: 1 h old, untouched (pending)
    expect(all.sla.hotLeads).toBe(3);
    expect(all.sla.compliance).toEqual({ count: 1, of: 2, rate: 0.5 });
    expect(all.sla.pending).toBe(1);
    expect(all.sla.firstTouchHours).toEqual({ count: 2, median: 25 });
  });

  it('counts rejections of handed-off leads by reason', () => {
    expect(all.rejections.rate).toEqual({ count: 1, of: 3, rate: 1 / 3 });
    expect(all.rejections.reasons).toEqual([{ reason: 'not ready', count: 1 }]);
  });

  it('filters each conversion by entry into its starting stage', () => {
    const january = funnelMetrics(leads, { stageOrder, slaHours: 24, now, from: d('2024-01-01'), to: d('2024-02-01') });
    expect(findConversion(january, 'lead', 'mql')).toMatchObject({ count: 3, of: 4 });
    // a entered MQL in January and became a customer on 1 February: still a January conversion.
    expect(findConversion(january, 'mql', 'customer')).toMatchObject({ count: 1, of: 3 });
    // Leads created before February: a, b, c, d, f; f did nothing in January.
    expect(january.activeRate).toEqual({ count: 4, of: 5, rate: 0.8 });
    expect(january.sla.hotLeads).toBe(2);
    expect(january.sla.pending).toBe(0);
  });

  it('gives the same metrics per segment', () => {
    const bySource = funnelMetrics(leads, { stageOrder, now, segmentBy: 'source' });
    expect(bySource.segments.map((s) => [s.value, s.leads])).toEqual([
      [null, 5],
      ['ads', 2],
      ['seo', 1],
    ]);
    const ads = bySource.segments.find((s) => s.value === 'ads');
    expect(ads && findConversion(ads, 'lead', 'mql')).toMatchObject({ count: 2, of: 2, rate: 1 });
    expect(ads?.rejections.rate).toEqual({ count: 1, of: 2, rate: 0.5 });
    const seo = bySource.segments.find((s) => s.value === 'seo');
    expect(seo && findConversion(seo, 'mql', 'sal')).toMatchObject({ count: 1, of: 1 });
  });

  it('validates its input', () => {
    expect(() => funnelMetrics([{ id: 'x', createdAt: 'yesterday', stageHistory: [] }], { stageOrder, now })).toThrow();
    expect(() => funnelMetrics([], { stageOrder: ['lead'], now })).toThrow();
  });
});
