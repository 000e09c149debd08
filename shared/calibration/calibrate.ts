import { bucketLabel, fitBucketing, inferActionKinds, MISSING_BUCKET, numericRange } from './actionBuckets';
import { auc } from './auc';
import { fitLogisticRegression, predictLogOdds } from './logisticRegression';
import { fitPointsTable, type PointsTable, scoreWithPoints } from './pointsTable';
import {
  type ActionKind,
  type CalibrationLead,
  CalibrationLeadSchema,
  type CalibrationOptions,
  type CalibrationOptionsInput,
  CalibrationOptionsSchema,
  type CalibrationResult,
  type CalibrationRow,
} from './schemas';
import { stratifiedSplit } from './seededSplit';
import { selectActions } from './selectActions';

type ActionKinds = readonly { action: string; kind: ActionKind }[];

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function chooseScoreActions(leads: readonly CalibrationLead[], kinds: ActionKinds, opts: CalibrationOptions): string[] {
  if (!opts.selectActions) return kinds.map((k) => k.action);
  return selectActions(leads, kinds, {
    folds: opts.selectionFolds,
    minGain: opts.selectionMinGain,
    numericBins: opts.numericBins,
    shrinkage: opts.shrinkage,
    pointsScale: opts.pointsScale,
    seed: opts.seed,
  });
}

/** The points table restricted to the chosen actions: the calibrated score. */
function scoreTable(table: PointsTable, actions: readonly string[]): PointsTable {
  const chosen = new Set(actions);
  return { ...table, actions: table.actions.filter(({ bucketing }) => chosen.has(bucketing.action)) };
}

/**
 * Calibrates points from past outcomes (DESIGN §6).
 *
 * - Every action is cut into buckets: binary → yes / no, categorical → one bucket per value,
 *   numeric → quantile bins; not answered is a bucket of its own.
 * - Per bucket: close rate = customers ÷ leads, lift = close rate ÷ average close rate, and integer
 *   points from the lift (`pointsFromCloseRate`: 10 × log-odds lift of the shrunk close rate).
 * - The calibrated score adds up the points of the actions that carry ranking power of their own
 *   (`selectActions`); the rest are reported with `inScore: false`.
 * - Buckets with lift ≥ `mqlLift` and at least `minSupport` leads are suggested as MQL criteria.
 * - The table is fitted on all leads. The evaluation reruns the whole procedure (bins, points,
 *   action selection) and a logistic-regression baseline on the training part of a seeded,
 *   stratified split and reports the AUCs on the held-out part.
 */
export function calibrate(
  pastLeads: readonly CalibrationLead[],
  options: CalibrationOptionsInput = {},
): CalibrationResult {
  const opts = CalibrationOptionsSchema.parse(options);
  const leads = pastLeads.map((lead) => CalibrationLeadSchema.parse(lead));
  const kinds = inferActionKinds(leads);

  const table = fitPointsTable(leads, fitBucketing(leads, kinds, opts.numericBins), opts.shrinkage, opts.pointsScale);
  const scoreActions = chooseScoreActions(leads, kinds, opts);
  const inScore = new Set(scoreActions);
  const average = table.averageCloseRate;
  const rows: CalibrationRow[] = [];
  for (const { bucketing, buckets } of table.actions) {
    const ordered = [...buckets].sort(([a], [b]) => compareBuckets(a, b));
    for (const [bucket, stats] of ordered) {
      const closeRate = stats.customers / stats.leads;
      const lift = average > 0 ? closeRate / average : 0;
      const range = numericRange(bucketing, bucket);
      rows.push({
        action: bucketing.action,
        kind: bucketing.kind,
        bucket,
        label: bucketLabel(bucketing, bucket),
        ...(range ? { range } : {}),
        leads: stats.leads,
        customers: stats.customers,
        closeRate,
        lift,
        adjustedLift: average > 0 ? stats.adjustedCloseRate / average : 0,
        points: stats.points,
        inScore: inScore.has(bucketing.action),
        // "Not answered" and "did not" are absences, never a reason to hand a lead to sales.
        suggestedMql:
          bucket !== MISSING_BUCKET && bucket !== 'no' && lift >= opts.mqlLift && stats.leads >= opts.minSupport,
      });
    }
  }

  return {
    leads: leads.length,
    customers: table.customers,
    averageCloseRate: average,
    actions: kinds,
    scoreActions,
    rows,
    suggestedMql: rows.filter((row) => row.suggestedMql).sort((a, b) => b.lift - a.lift),
    maxPossibleLift: average > 0 ? 1 / average : null,
    evaluation: evaluateOnHeldOut(leads, kinds, opts),
  };
}

function evaluateOnHeldOut(leads: readonly CalibrationLead[], kinds: ActionKinds, opts: CalibrationOptions) {
  const split = stratifiedSplit(
    leads.map((lead) => lead.converted),
    opts.testShare,
    opts.seed,
  );
  const train = split.train.map((i) => leads[i] as CalibrationLead);
  const test = split.test.map((i) => leads[i] as CalibrationLead);
  const labels = test.map((lead) => lead.converted);
  const canFit = train.some((lead) => lead.converted) && train.some((lead) => !lead.converted);

  const trainTable = fitPointsTable(
    train,
    fitBucketing(train, kinds, opts.numericBins),
    opts.shrinkage,
    opts.pointsScale,
  );
  const trainScoreActions = canFit ? chooseScoreActions(train, kinds, opts) : kinds.map((k) => k.action);
  const calibrated = scoreTable(trainTable, trainScoreActions);
  const baseline = canFit ? fitLogisticRegression(train, kinds, opts.l2) : null;
  return {
    seed: opts.seed,
    trainLeads: train.length,
    testLeads: test.length,
    scoreActions: trainScoreActions,
    pointsAuc: finiteOrNull(
      auc(
        test.map((lead) => scoreWithPoints(calibrated, lead)),
        labels,
      ),
    ),
    allActionsPointsAuc: finiteOrNull(
      auc(
        test.map((lead) => scoreWithPoints(trainTable, lead)),
        labels,
      ),
    ),
    logisticRegressionAuc: baseline
      ? finiteOrNull(
          auc(
            test.map((lead) => predictLogOdds(baseline, lead)),
            labels,
          ),
        )
      : null,
  };
}

/** yes before no, values alphabetically, bins in numeric order, not answered last. */
function compareBuckets(a: string, b: string): number {
  const rank = (key: string) => (key === 'yes' ? 0 : key === 'no' ? 1 : key === MISSING_BUCKET ? 3 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.startsWith('bin:') && b.startsWith('bin:')) return Number(a.slice(4)) - Number(b.slice(4));
  return a.localeCompare(b);
}
