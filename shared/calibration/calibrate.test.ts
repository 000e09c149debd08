import { describe, expect, it } from 'vitest';
import { quantileCuts } from './actionBuckets';
import { calibrate } from './calibrate';
import { pointsFromCloseRate, shrunkCloseRate } from './pointsTable';
import type { CalibrationLead, CalibrationRow } from './schemas';

const lead = (actions: CalibrationLead['actions'], converted: boolean): CalibrationLead => ({ actions, converted });

// 8 leads, 3 customers: average close rate 3/8.
const small: CalibrationLead[] = [
  lead({ demo: true, source: 'ads' }, true),
  lead({ demo: true, source: 'ads' }, true),
  lead({ demo: true, source: 'seo' }, false),
  lead({ demo: false, source: 'seo' }, true),
  lead({ demo: false, source: 'seo' }, false),
  lead({ demo: false, source: 'ads' }, false),
  lead({ demo: false, source: null }, false),
  lead({ demo: false, source: 'seo' }, false),
];

function row(rows: CalibrationRow[], action: string, label: string): CalibrationRow {
  const found = rows.find((r) => r.action === action && r.label === label);
  if (!found) throw new Error(`no row ${action} = ${label}`);
  return found;
}

const logit = (p: number) => Math.log(p / (1 - p));

describe('calibrate on a hand-computed set', () => {
  const result = calibrate(small, { shrinkage: 0, pointsScale: 10, selectActions: false, minSupport: 1 });

  it('computes the average close rate', () => {
    expect(result.leads).toBe(8);
    expect(result.customers).toBe(3);
    expect(result.averageCloseRate).toBe(0.375);
    expect(result.actions).toEqual([
      { action: 'demo', kind: 'binary' },
      { action: 'source', kind: 'categorical' },
    ]);
  });

  it('computes close rate and lift per action and per action = value', () => {
    const demo = row(result.rows, 'demo', 'yes');
    expect([demo.leads, demo.customers]).toEqual([3, 2]);
    expect(demo.closeRate).toBeCloseTo(2 / 3, 12);
    expect(demo.lift).toBeCloseTo(2 / 3 / 0.375, 12);
    const noDemo = row(result.rows, 'demo', 'no');
    expect([noDemo.leads, noDemo.customers, noDemo.closeRate]).toEqual([5, 1, 0.2]);
    const seo = row(result.rows, 'source', 'seo');
    expect([seo.leads, seo.customers, seo.closeRate]).toEqual([4, 1, 0.25]);
    expect(seo.lift).toBeCloseTo(0.25 / 0.375, 12);
    const unanswered = row(result.rows, 'source', 'not answered');
    expect([unanswered.leads, unanswered.customers, unanswered.lift]).toEqual([1, 0, 0]);
  });

  it('gives points of 10 × log-odds lift, rounded', () => {
    // 10 × (logit(2/3) − logit(3/8)) = 12.04; 10 × (logit(0.2) − logit(3/8)) = −8.75
    expect(row(result.rows, 'demo', 'yes').points).toBe(12);
    expect(row(result.rows, 'demo', 'no').points).toBe(-9);
    expect(row(result.rows, 'source', 'ads').points).toBe(Math.round(10 * (logit(2 / 3) - logit(0.375))));
  });

  it('pulls small buckets toward the average with shrinkage', () => {
    const shrunk = calibrate(small, { shrinkage: 2, selectActions: false });
    // not answered: (0 + 2 × 3/8) ÷ (1 + 2) = 0.25 → 10 × (logit(0.25) − logit(3/8)) = −5.9
    expect(shrunkCloseRate(0, 1, 0.375, 2)).toBe(0.25);
    expect(row(shrunk.rows, 'source', 'not answered').points).toBe(-6);
    // the same bucket without shrinkage is a 0-of-1 fluke with a huge penalty
    expect(row(result.rows, 'source', 'not answered').points).toBeLessThan(-50);
  });

  it('makes points monotone in lift', () => {
    const lifts = [0.05, 0.3, 0.9, 1, 1.2, 2, 2.6];
    const points = lifts.map((l) => pointsFromCloseRate(l * 0.375, 0.375, 10));
    expect(points).toEqual([...points].sort((a, b) => a - b));
    expect(pointsFromCloseRate(0.375, 0.375, 10)).toBe(0);
  });
});

describe('numeric buckets', () => {
  it('cuts at quantiles and gives a heavy point mass its own bucket', () => {
    expect(quantileCuts([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 2)).toEqual([5]);
    expect(quantileCuts([0, 0, 0, 0, 0, 0, 1, 2, 3, 4], 4)).toEqual([0, 2]);
    expect(quantileCuts([3, 3, 3], 5)).toEqual([]);
  });

  it('reports close rate per bin with its range', () => {
    const leads = Array.from({ length: 10 }, (_, i) => lead({ minutes: i < 6 ? 0 : i }, i >= 7));
    const result = calibrate(leads, { numericBins: 4, selectActions: false, shrinkage: 0 });
    const bins = result.rows.filter((r) => r.action === 'minutes');
    expect(bins.map((r) => r.label)).toEqual(['≤ 0', '0 < x ≤ 7', '> 7']);
    expect(bins.map((r) => [r.leads, r.customers])).toEqual([
      [6, 0],
      [2, 1],
      [2, 2],
    ]);
    expect(bins[1]?.range).toEqual({ above: 0, atMost: 7 });
  });
});

describe('suggested MQL actions', () => {
  // 200 leads, 20 customers (10 %): a demo request closes at 50 % (lift 5) over 20 leads.
  const leads: CalibrationLead[] = [];
  for (let i = 0; i < 200; i++) {
    const demo = i < 20;
    const webinar = i === 150;
    const converted = demo ? i < 10 : webinar || (i >= 20 && i < 29);
    leads.push(lead({ demo, webinar, ebook: i % 2 === 0 }, converted));
  }
  const result = calibrate(leads, { minSupport: 10, selectActions: false });

  it('suggests actions with lift ≥ 3 and enough support', () => {
    expect(result.averageCloseRate).toBe(0.1);
    expect(result.suggestedMql.map((r) => `${r.action}=${r.label}`)).toEqual(['demo=yes']);
    expect(result.suggestedMql[0]?.lift).toBeCloseTo(5, 12);
  });

  it('does not suggest a one-lead action however high its lift', () => {
    const webinar = row(result.rows, 'webinar', 'yes');
    expect(webinar.lift).toBe(10);
    expect(webinar.suggestedMql).toBe(false);
  });

  it('reports the highest lift the average allows', () => {
    expect(result.maxPossibleLift).toBe(10);
  });
});

describe('action selection', () => {
  it('leaves out an action that only repeats another', () => {
    const leads = Array.from({ length: 400 }, (_, i) => {
      const demo = i % 3 === 0;
      const noise = (i * 7919) % 11 < 5;
      return lead({ demo, demoCopy: demo, noise }, demo ? i % 4 !== 0 : i % 5 === 0);
    });
    const result = calibrate(leads, { seed: 3 });
    expect(result.scoreActions).toEqual(['demo']);
    expect(result.rows.filter((r) => r.action === 'demoCopy').every((r) => !r.inScore && r.points !== 0)).toBe(true);
  });
});
