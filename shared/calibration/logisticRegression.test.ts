import { describe, expect, it } from 'vitest';
import { auc } from './auc';
import { fitLogisticRegression, predictLogOdds } from './logisticRegression';
import type { CalibrationLead } from './schemas';

const lead = (actions: CalibrationLead['actions'], converted: boolean): CalibrationLead => ({ actions, converted });

describe('fitLogisticRegression', () => {
  it('recovers the maximum-likelihood log-odds of a binary action without a penalty', () => {
    // did it: 3 of 4 converted; did not: 1 of 4 → intercept logit(1/4), weight logit(3/4) − logit(1/4).
    const leads = [
      ...[true, true, true, false].map((c) => lead({ demo: true }, c)),
      ...[true, false, false, false].map((c) => lead({ demo: false }, c)),
    ];
    const model = fitLogisticRegression(leads, [{ action: 'demo', kind: 'binary' }], 0);
    expect(model.intercept).toBeCloseTo(Math.log(1 / 3), 6);
    expect(model.weights[0]).toBeCloseTo(2 * Math.log(3), 6);
    expect(predictLogOdds(model, lead({ demo: true }, true))).toBeCloseTo(Math.log(3), 6);
  });

  it('stays finite on separable data and ranks it perfectly', () => {
    const leads = Array.from({ length: 40 }, (_, i) => lead({ visits: i, source: i % 2 ? 'ads' : 'seo' }, i >= 20));
    const kinds = [
      { action: 'visits', kind: 'numeric' as const },
      { action: 'source', kind: 'categorical' as const },
    ];
    const model = fitLogisticRegression(leads, kinds, 1);
    expect(model.weights.every(Number.isFinite)).toBe(true);
    expect(model.weights[0]).toBeGreaterThan(1);
    const scores = leads.map((l) => predictLogOdds(model, l));
    expect(
      auc(
        scores,
        leads.map((l) => l.converted),
      ),
    ).toBe(1);
    expect(predictLogOdds(model, lead({ visits: 35, source: 'ads' }, true))).toBeGreaterThan(0);
    expect(predictLogOdds(model, lead({ visits: 3, source: 'ads' }, false))).toBeLessThan(0);
  });

  it('is deterministic and handles missing numbers and unseen categories', () => {
    const leads = Array.from({ length: 30 }, (_, i) =>
      lead({ visits: i % 4 === 0 ? null : i, source: ['ads', 'seo', null][i % 3] ?? null }, i % 3 === 0),
    );
    const kinds = [
      { action: 'visits', kind: 'numeric' as const },
      { action: 'source', kind: 'categorical' as const },
    ];
    const a = fitLogisticRegression(leads, kinds, 1);
    const b = fitLogisticRegression(leads, kinds, 1);
    expect(a).toEqual(b);
    expect(Number.isFinite(predictLogOdds(a, lead({ visits: null, source: 'radio' }, false)))).toBe(true);
  });
});
