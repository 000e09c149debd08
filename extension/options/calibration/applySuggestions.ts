import type { CalibrationRow, ConditionInput } from '../../../shared';
import { appendAt, getAt } from '../model/paths';

/** A CSV column name as a rule-language key: `Lead Source` → `lead_source`. */
export function attributeKey(action: string): string {
  const slug = action
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 56);
  return /^[a-z]/.test(slug) ? slug : `a_${slug}`.replace(/_$/, '');
}

/** The condition "the lead is in this calibration bucket", on `attributes.<column>`. */
export function conditionForRow(row: CalibrationRow): ConditionInput | null {
  const attr = `attributes.${attributeKey(row.action)}`;
  if (row.bucket === 'missing') return { op: 'not', of: { op: 'exists', attr } };
  if (row.kind === 'binary') return { op: 'eq', attr, value: row.bucket === 'yes' };
  if (row.bucket.startsWith('value:')) return { op: 'eq', attr, value: row.bucket.slice('value:'.length) };
  if (row.range) {
    const parts: ConditionInput[] = [];
    // `above < x`: not (x ≤ above).
    if (row.range.above !== null) parts.push({ op: 'not', of: { op: 'lte', attr, value: row.range.above } });
    if (row.range.atMost !== null) parts.push({ op: 'lte', attr, value: row.range.atMost });
    if (parts.length === 1) return parts[0] ?? null;
    if (parts.length > 1) return { op: 'all', of: parts };
  }
  return null;
}

function ruleId(row: CalibrationRow, taken: Set<string>, prefix: string): string {
  const base = `${prefix}_${attributeKey(`${row.action}_${row.bucket.replace(/^value:/, '')}`)}`.slice(0, 60);
  let id = base;
  let n = 2;
  while (taken.has(id)) id = `${base.slice(0, 58)}_${n++}`;
  taken.add(id);
  return id;
}

function idsAt(draft: unknown, path: (string | number)[]): Set<string> {
  const list = getAt(draft, path);
  return new Set(Array.isArray(list) ? list.map((item) => String((item as { id?: unknown })?.id)) : []);
}

export type ApplyTarget = 'fit' | 'behaviour';

/**
 * Adds the chosen calibration rows to the draft: as fit rules on the lead's attributes, or (for
 * yes/no actions) as behaviour rules on an event type of the same name. Rows chosen as MQL
 * criteria become an interest-emphasis entry criterion of the `mql` stage.
 */
export function applyCalibration(
  draft: unknown,
  rows: readonly CalibrationRow[],
  mqlRows: readonly CalibrationRow[],
  target: ApplyTarget,
): { draft: unknown; applied: number; skipped: number } {
  let next = draft;
  let applied = 0;
  let skipped = 0;
  const fitIds = idsAt(draft, ['icp', 'rules']);
  const behaviourIds = idsAt(draft, ['behaviour', 'rules']);
  for (const row of rows) {
    const label = { en: `${row.action}: ${row.label} (lift ${row.lift.toFixed(2)})`.slice(0, 2000) };
    if (target === 'behaviour') {
      if (row.kind !== 'binary' || row.bucket !== 'yes') {
        skipped++;
        continue;
      }
      next = appendAt(next, ['behaviour', 'rules'], {
        id: ruleId(row, behaviourIds, 'cal'),
        label,
        eventTypes: [attributeKey(row.action)],
        points: row.points,
        cap: Math.max(1, Math.abs(row.points) * 3),
      });
    } else {
      const when = conditionForRow(row);
      if (!when) {
        skipped++;
        continue;
      }
      next = appendAt(next, ['icp', 'rules'], {
        id: ruleId(row, fitIds, 'cal'),
        label,
        when,
        points: row.points,
        warningSign: row.points < 0,
      });
    }
    applied++;
  }
  const conditions = mqlRows.map(conditionForRow).filter((c): c is ConditionInput => c !== null);
  const stages = getAt(next, ['lifecycle', 'stages']);
  const mqlIndex = Array.isArray(stages) ? stages.findIndex((s) => (s as { id?: unknown })?.id === 'mql') : -1;
  if (conditions.length > 0 && mqlIndex >= 0) {
    const criteriaPath = ['lifecycle', 'stages', mqlIndex, 'entryCriteria'];
    const taken = new Set<string>();
    for (const stage of Array.isArray(stages) ? stages : []) {
      const criteria = (stage as { entryCriteria?: { id?: unknown }[] })?.entryCriteria ?? [];
      for (const c of criteria) taken.add(String(c?.id));
    }
    let id = 'calibrated_mql';
    let n = 2;
    while (taken.has(id)) id = `calibrated_mql_${n++}`;
    next = appendAt(next, criteriaPath, {
      id,
      label: { en: `Calibrated: ${mqlRows.map((r) => `${r.action} = ${r.label}`).join(' or ')}`.slice(0, 2000) },
      emphasis: 'interest',
      active: true,
      when: conditions.length === 1 ? conditions[0] : { op: 'any', of: conditions },
    });
    applied += mqlRows.length;
  }
  return { draft: next, applied, skipped };
}
