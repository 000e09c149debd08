import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../csv/parseCsv';
import { calibrate } from './calibrate';
import { leadsFromCsvRecords } from './leadsFromCsvRecords';
import { X_EDUCATION_CSV_MAPPING } from './xEducation';

const csvPath = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data/xeducation/Leads.csv');

describe('calibration on the real X Education leads', () => {
  const leads = leadsFromCsvRecords(parseCsvRecords(readFileSync(csvPath, 'utf8')), X_EDUCATION_CSV_MAPPING);
  const result = calibrate(leads, { seed: 1 });

  it('maps the columns to actions without ids or leaking columns', () => {
    expect(leads).toHaveLength(9240);
    const actions = result.actions.map((a) => a.action);
    for (const leaking of [
      'Tags',
      'Lead Quality',
      'Lead Profile',
      'Asymmetrique Activity Score',
      'Last Notable Activity',
      'Prospect ID',
      'Lead Number',
      'Converted',
    ]) {
      expect(actions).not.toContain(leaking);
    }
    const kind = Object.fromEntries(result.actions.map((a) => [a.action, a.kind]));
    expect(kind['Total Time Spent on Website']).toBe('numeric');
    expect(kind['Do Not Email']).toBe('binary');
    expect(kind['Lead Origin']).toBe('categorical');
    // "Select" is not answered, not a specialization.
    expect(result.rows.some((r) => r.action === 'Specialization' && r.label === 'Select')).toBe(false);
  });

  it('reproduces close rates counted independently (awk over the raw file)', () => {
    expect(result.customers).toBe(3561);
    expect(result.averageCloseRate).toBeCloseTo(3561 / 9240, 12);
    const addForm = result.rows.find((r) => r.action === 'Lead Origin' && r.label === 'Lead Add Form');
    expect([addForm?.leads, addForm?.customers]).toEqual([718, 664]);
    const api = result.rows.find((r) => r.action === 'Lead Origin' && r.label === 'API');
    expect([api?.leads, api?.customers]).toEqual([3580, 1115]);
    expect(addForm?.lift).toBeCloseTo(664 / 718 / (3561 / 9240), 12);
    expect(addForm?.points).toBeGreaterThan(api?.points ?? Number.POSITIVE_INFINITY);
  });

  it('gives points that never decrease as the adjusted lift grows, across every action', () => {
    const byAdjustedLift = [...result.rows].sort((a, b) => a.adjustedLift - b.adjustedLift);
    byAdjustedLift.forEach((row, i) => {
      if (i > 0) expect(row.points).toBeGreaterThanOrEqual(byAdjustedLift[i - 1]?.points ?? Number.NEGATIVE_INFINITY);
    });
    // Big buckets keep their raw lift; a 1-of-1 bucket stays near the average.
    const addForm = result.rows.find((r) => r.action === 'Lead Origin' && r.label === 'Lead Add Form');
    expect(addForm?.adjustedLift).toBeCloseTo(addForm?.lift ?? 0, 1);
    const quickAdd = result.rows.find((r) => r.action === 'Lead Origin' && r.label === 'Quick Add Form');
    expect([quickAdd?.leads, quickAdd?.lift]).toEqual([1, 9240 / 3561]);
    expect(quickAdd?.adjustedLift).toBeLessThan(1.1);
  });

  it('suggests no MQL action at lift 3, because a 38.5 % average caps lift at 2.59', () => {
    expect(result.maxPossibleLift).toBeCloseTo(9240 / 3561, 12);
    expect(result.suggestedMql).toEqual([]);
    const lower = calibrate(leads, { mqlLift: 2.3, selectActions: false });
    expect(lower.suggestedMql.map((r) => `${r.action} = ${r.label}`)).toContain('Lead Origin = Lead Add Form');
    expect(lower.suggestedMql.every((r) => r.lift >= 2.3 && r.leads >= 30)).toBe(true);
  });

  it('ranks held-out leads at least as well as logistic regression, with AUC ≥ 0.85', () => {
    const { pointsAuc, logisticRegressionAuc, allActionsPointsAuc, trainLeads, testLeads } = result.evaluation;
    expect([trainLeads, testLeads]).toEqual([6468, 2772]);
    expect(pointsAuc).not.toBeNull();
    expect(logisticRegressionAuc).not.toBeNull();
    expect(pointsAuc as number).toBeGreaterThanOrEqual(0.85);
    expect(logisticRegressionAuc as number).toBeGreaterThanOrEqual(0.85);
    expect(pointsAuc as number).toBeGreaterThanOrEqual((logisticRegressionAuc as number) - 0.005);
    // Selection is what closes the gap: summing every action double-counts overlapping ones.
    expect(pointsAuc as number).toBeGreaterThan(allActionsPointsAuc as number);
  });
});
