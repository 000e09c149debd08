/**
 * Calibrates lead-scoring points from a CSV of past leads and prints close rate, lift and
 * suggested points per action, the suggested MQL actions and the held-out AUC of the calibrated
 * score next to a logistic-regression baseline.
 *
 *   npm run calibrate -- ../shared/data/xeducation/Leads.csv [--seed 1] [--mql-lift 3] [--min-support 30]
 *   npm run calibrate -- other.csv --outcome Won --ignore "Id,Owner" --missing "n/a"
 *
 * Without --outcome the X Education column mapping is used (outcome Converted, ids and the
 * leaking sales-filled columns left out, "Select" = not answered).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  CalibrationOptionsSchema,
  type CalibrationRow,
  calibrate,
  leadsFromCsvRecords,
  parseCsvRecords,
  X_EDUCATION_CSV_MAPPING,
} from '../shared';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string', default: '1' },
    'mql-lift': { type: 'string', default: '3' },
    'min-support': { type: 'string', default: '30' },
    outcome: { type: 'string' },
    ignore: { type: 'string' },
    missing: { type: 'string' },
    'all-actions': { type: 'boolean', default: false },
  },
});

const file = positionals[0];
if (!file) {
  console.error(
    'usage: npm run calibrate -- <leads.csv> [--seed N] [--mql-lift 3] [--min-support 30] [--outcome COL --ignore A,B --missing Select] [--all-actions]',
  );
  process.exit(2);
}

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : [];
const mapping = values.outcome
  ? { outcomeColumn: values.outcome, ignoreColumns: list(values.ignore), missingValues: list(values.missing) }
  : X_EDUCATION_CSV_MAPPING;

const leads = leadsFromCsvRecords(parseCsvRecords(readFileSync(file, 'utf8')), mapping);
const options = CalibrationOptionsSchema.parse({
  seed: Number(values.seed),
  mqlLift: Number(values['mql-lift']),
  minSupport: Number(values['min-support']),
  selectActions: !values['all-actions'],
});
const result = calibrate(leads, options);

const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const table: string[][] = [
  ['action', 'value', 'leads', 'customers', 'close rate', 'lift', 'adj. lift', 'points', 'in score'],
];
for (const row of result.rows) {
  table.push([
    row.action,
    row.label,
    String(row.leads),
    String(row.customers),
    pct(row.closeRate),
    row.lift.toFixed(2),
    row.adjustedLift.toFixed(2),
    row.points > 0 ? `+${row.points}` : String(row.points),
    row.inScore ? 'yes' : '',
  ]);
}
const widths = table[0]?.map((_, c) => Math.max(...table.map((r) => (r[c] ?? '').length))) ?? [];
const numericColumns = new Set([2, 3, 4, 5, 6, 7]);
for (const r of table) {
  console.log(
    r
      .map((cell, c) => (numericColumns.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

const describe = (row: CalibrationRow) =>
  `${row.action} = ${row.label}: close rate ${pct(row.closeRate)}, lift ${row.lift.toFixed(2)}, ${row.leads} leads, points ${row.points}`;
const mqlLift = options.mqlLift;
console.log('');
const { pointsScale: k, shrinkage: m } = options;
console.log(
  `points = round(${k} × (logit(adjusted close rate) − logit(average close rate))), adjusted close rate = (customers + ${m} × average) ÷ (leads + ${m})`,
);
console.log(`Leads ${result.leads}, customers ${result.customers}, average close rate ${pct(result.averageCloseRate)}`);
console.log(`Suggested MQL actions (lift ≥ ${mqlLift}, ≥ ${options.minSupport} leads):`);
if (result.suggestedMql.length > 0) {
  for (const row of result.suggestedMql) console.log(`  ${describe(row)}`);
} else {
  const maxLift = result.maxPossibleLift;
  console.log(
    maxLift !== null && maxLift < mqlLift
      ? `  none: with an average close rate of ${pct(result.averageCloseRate)} no action can reach lift ${mqlLift} (the most possible is ${maxLift.toFixed(2)}); highest-lift actions instead:`
      : '  none; highest-lift actions instead:',
  );
  const top = result.rows
    .filter((row) => row.bucket !== 'missing' && row.bucket !== 'no' && row.leads >= options.minSupport)
    .sort((a, b) => b.lift - a.lift)
    .slice(0, 5);
  for (const row of top) console.log(`  ${describe(row)}`);
}

const e = result.evaluation;
console.log('');
console.log(
  `Calibrated score adds up ${result.scoreActions.length} of ${result.actions.length} actions: ${result.scoreActions.join(', ')}`,
);
console.log(
  `Held-out evaluation: seed ${e.seed}, stratified split ${e.trainLeads} train / ${e.testLeads} test; actions chosen on train: ${e.scoreActions.join(', ')}`,
);
const fmt = (x: number | null) => (x === null ? 'n/a' : x.toFixed(4));
console.log(`AUC ${fmt(e.pointsAuc)}`);
console.log(`Baseline logistic regression AUC ${fmt(e.logisticRegressionAuc)}`);
console.log(`Points over all actions AUC ${fmt(e.allActionsPointsAuc)}`);
