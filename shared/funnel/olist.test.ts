import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../csv/parseCsv';
import { findConversion, funnelMetrics } from './funnelMetrics';
import type { FunnelLeadInput } from './schemas';

const olistDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/olist');
const read = (file: string) => parseCsvRecords(readFileSync(resolve(olistDir, file), 'utf8'));

/**
 * The Olist marketing funnel as leads: each MQL enters `mql` on its first contact date (also its
 * first connect attempt); closed deals enter `customer` at their won date. Origin is the source,
 * the closed deal's business segment the industry and its lead type the lead type.
 */
function olistLeads(): FunnelLeadInput[] {
  const deals = new Map(read('olist_closed_deals_dataset.csv').map((deal) => [deal.mql_id, deal]));
  return read('olist_marketing_qualified_leads_dataset.csv').map((mql) => {
    const firstContact = `${mql.first_contact_date}T00:00:00Z`;
    const deal = deals.get(mql.mql_id ?? '');
    const stageHistory = [{ stage: 'mql', at: firstContact }];
    if (deal) stageHistory.push({ stage: 'customer', at: `${deal.won_date?.replace(' ', 'T')}Z` });
    return {
      id: mql.mql_id ?? '',
      createdAt: firstContact,
      ...(mql.origin ? { source: mql.origin } : {}),
      ...(deal?.business_segment ? { industry: deal.business_segment } : {}),
      ...(deal?.lead_type ? { leadType: deal.lead_type } : {}),
      stageHistory,
      attempts: [{ at: firstContact }],
    };
  });
}

const stageOrder = ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer'];

describe('funnel metrics on the real Olist marketing funnel', () => {
  const leads = olistLeads();
  const metrics = funnelMetrics(leads, { stageOrder, segmentBy: 'source', now: '2019-01-01T00:00:00Z' });

  it('gives MQL → customer of 842 / 8,000 = 10.525 %', () => {
    expect(leads).toHaveLength(8000);
    expect(findConversion(metrics, 'mql', 'customer')).toEqual({
      from: 'mql',
      to: 'customer',
      kind: 'overall',
      count: 842,
      of: 8000,
      rate: 0.10525,
    });
    // Every MQL passed through "lead"; none has a recorded visitor/subscriber entry.
    expect(findConversion(metrics, 'lead', 'customer')).toMatchObject({ count: 842, of: 8000 });
    expect(findConversion(metrics, 'subscriber', 'lead')?.rate).toBeNull();
  });

  it('gives a median of 14 days from first contact to won', () => {
    expect(metrics.firstContactToWonDays).toEqual({ count: 842, median: 14 });
    expect(metrics.salesCycleDays.median).toBe(14);
  });

  it('gives the close rate per origin (counted independently with Python over the raw files)', () => {
    const byOrigin = Object.fromEntries(
      metrics.segments.map((s) => {
        const c = findConversion(s, 'mql', 'customer');
        return [s.value ?? '(blank)', [c?.count, c?.of]];
      }),
    );
    expect(byOrigin).toEqual({
      organic_search: [271, 2296],
      paid_search: [195, 1586],
      social: [75, 1350],
      unknown: [179, 1099],
      direct_traffic: [56, 499],
      email: [15, 493],
      referral: [24, 284],
      other: [4, 150],
      display: [6, 118],
      other_publicities: [3, 65],
      '(blank)': [14, 60],
    });
    const rate = (origin: string) =>
      findConversion(metrics.segments.find((s) => s.value === origin) ?? metrics, 'mql', 'customer')?.rate;
    expect((rate('paid_search') as number) * 100).toBeCloseTo(12.3, 2);
    expect((rate('email') as number) * 100).toBeCloseTo(3.04, 2);
    // Largest segment first.
    expect(metrics.segments[0]?.value).toBe('organic_search');
  });

  it('filters by the date leads became MQLs', () => {
    const q1 = funnelMetrics(leads, {
      stageOrder,
      from: '2018-01-01T00:00:00Z',
      to: '2018-04-01T00:00:00Z',
      now: '2019-01-01T00:00:00Z',
    });
    const inQ1 = leads.filter((l) => l.createdAt >= '2018-01-01' && l.createdAt < '2018-04-01');
    const wonInQ1Cohort = inQ1.filter((l) => l.stageHistory.some((e) => e.stage === 'customer'));
    expect(findConversion(q1, 'mql', 'customer')).toMatchObject({ count: wonInQ1Cohort.length, of: inQ1.length });
    expect(inQ1.length).toBeGreaterThan(0);
  });
});
