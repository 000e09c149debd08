import { describe, expect, it } from 'vitest';
import { type CalibrationRow, ConditionSchema, defaultModel, evaluateCondition, validateModel } from '../../../shared';
import { applyCalibration, attributeKey, conditionForRow } from './applySuggestions';

const row = (overrides: Partial<CalibrationRow>): CalibrationRow => ({
  action: 'Lead Source',
  kind: 'categorical',
  bucket: 'value:Reference',
  label: 'Reference',
  leads: 500,
  customers: 450,
  closeRate: 0.9,
  lift: 2.4,
  adjustedLift: 2.3,
  points: 25,
  inScore: true,
  suggestedMql: false,
  ...overrides,
});

describe('applying calibration suggestions', () => {
  it('turns CSV column names into attribute keys', () => {
    expect(attributeKey('Lead Source')).toBe('lead_source');
    expect(attributeKey('Total Time Spent on Website')).toBe('total_time_spent_on_website');
    expect(attributeKey('2nd visit')).toBe('a_2nd_visit');
  });

  it('builds the bucket condition on attributes.<column>', () => {
    expect(conditionForRow(row({}))).toEqual({ op: 'eq', attr: 'attributes.lead_source', value: 'Reference' });
    expect(conditionForRow(row({ kind: 'binary', bucket: 'yes', action: 'Do Not Email' }))).toEqual({
      op: 'eq',
      attr: 'attributes.do_not_email',
      value: true,
    });
    const numeric = conditionForRow(
      row({ kind: 'numeric', action: 'Visits', bucket: 'bin:2', range: { above: 3, atMost: 7 } }),
    );
    // `3 < x ≤ 7`: 3 is out, 4 and 7 are in, 8 is out.
    if (!numeric) throw new Error('a numeric bucket has a condition');
    const parsed = ConditionSchema.parse(numeric);
    const at = (visits: number) => evaluateCondition(parsed, { email: 'a@b.c', attributes: { visits } });
    expect([at(3), at(4), at(7), at(8)]).toEqual([false, true, true, false]);
  });

  it('adds fit rules and an MQL criterion that keep the model valid', () => {
    const mqlRow = row({
      kind: 'binary',
      action: 'Asked for demo',
      bucket: 'yes',
      label: 'yes',
      lift: 4,
      suggestedMql: true,
    });
    const result = applyCalibration(
      defaultModel,
      [row({}), row({ points: -10, label: 'Spam', bucket: 'value:Spam' })],
      [mqlRow],
      'fit',
    );
    expect(result.applied).toBe(3);
    const checked = validateModel(result.draft);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const added = checked.model.icp.rules.slice(defaultModel.icp.rules.length);
    expect(added.map((r) => [r.points, r.warningSign])).toEqual([
      [25, false],
      [-10, true],
    ]);
    const mql = checked.model.lifecycle.stages.find((s) => s.id === 'mql');
    expect(mql?.entryCriteria.at(-1)).toMatchObject({
      emphasis: 'interest',
      when: { op: 'eq', attr: 'attributes.asked_for_demo', value: true },
    });
  });

  it('adds behaviour rules only for yes/no actions', () => {
    const result = applyCalibration(
      defaultModel,
      [row({ kind: 'binary', action: 'Webinar Attended', bucket: 'yes', points: 12 }), row({})],
      [],
      'behaviour',
    );
    expect(result).toMatchObject({ applied: 1, skipped: 1 });
    const checked = validateModel(result.draft);
    expect(checked.ok).toBe(true);
    if (checked.ok)
      expect(checked.model.behaviour.rules.at(-1)).toMatchObject({ eventTypes: ['webinar_attended'], points: 12 });
  });
});
