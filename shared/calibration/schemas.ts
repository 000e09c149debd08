import { z } from 'zod';

/**
 * One past lead for calibration: what it did (or was) and whether it became a customer.
 * Action values: boolean = did / did not; number = a measure (visits, minutes on site);
 * string = a category (source, last activity); null = not answered / unknown.
 */
export const CalibrationActionValueSchema = z.union([z.boolean(), z.number(), z.string(), z.null()]);
export type CalibrationActionValue = z.infer<typeof CalibrationActionValueSchema>;

export const CalibrationLeadSchema = z.object({
  actions: z.record(z.string().min(1).max(200), CalibrationActionValueSchema),
  converted: z.boolean(),
});
export type CalibrationLead = z.infer<typeof CalibrationLeadSchema>;

export const ActionKindSchema = z.enum(['binary', 'categorical', 'numeric']);
export type ActionKind = z.infer<typeof ActionKindSchema>;

export const CalibrationOptionsSchema = z.object({
  /** Seed of the deterministic held-out split. */
  seed: z.number().int().default(1),
  /** Share of leads held out for evaluation. */
  testShare: z.number().gt(0).lt(1).default(0.3),
  /** Numeric actions are cut into at most this many quantile bins. */
  numericBins: z.number().int().min(2).max(50).default(10),
  /**
   * Pseudo-leads at the average close rate added to every bucket before points are derived,
   * so a bucket of 3 leads cannot earn the points of a bucket of 3,000 with the same rate.
   */
  shrinkage: z.number().min(0).max(10_000).default(20),
  /** Points per unit of log-odds lift (see `pointsFromCloseRate`). */
  pointsScale: z.number().positive().max(1000).default(10),
  /** Lift at or above which an action is suggested as an MQL criterion (DESIGN §6). */
  mqlLift: z.number().positive().default(3),
  /** Leads that must have done an action before it can be suggested as an MQL criterion. */
  minSupport: z.number().int().min(1).default(30),
  /**
   * Add up only the actions that raise cross-validated AUC (see `selectActions`); false = every action.
   * Points of left-out actions are still reported, they just do not enter the score.
   */
  selectActions: z.boolean().default(true),
  selectionFolds: z.number().int().min(2).max(20).default(5),
  selectionMinGain: z.number().min(0).max(0.1).default(0.0005),
  /** L2 penalty of the logistic-regression baseline (on standardised features). */
  l2: z.number().min(0).default(1),
});
export type CalibrationOptions = z.infer<typeof CalibrationOptionsSchema>;
export type CalibrationOptionsInput = z.input<typeof CalibrationOptionsSchema>;

/** An upper-inclusive numeric range: `above < x ≤ atMost`; null = unbounded on that side. */
export const NumericRangeSchema = z.object({ above: z.number().nullable(), atMost: z.number().nullable() });
export type NumericRange = z.infer<typeof NumericRangeSchema>;

/** One row of the calibration table: an action (binary), an action = value, or a numeric bucket. */
export const CalibrationRowSchema = z.object({
  action: z.string(),
  kind: ActionKindSchema,
  /** Stable key of the bucket within the action (`yes`, `no`, `value:<v>`, `bin:<i>`, `missing`). */
  bucket: z.string(),
  /** Human label such as `yes`, `Olark Chat`, `12 < x ≤ 30`, `not answered`. */
  label: z.string(),
  range: NumericRangeSchema.optional(),
  leads: z.number().int().min(0),
  customers: z.number().int().min(0),
  /** customers ÷ leads of this bucket. */
  closeRate: z.number().min(0).max(1),
  /** closeRate ÷ average close rate. */
  lift: z.number().min(0),
  /**
   * Lift after pulling the close rate toward the average by `shrinkage` pseudo-leads:
   * ((customers + m·avg) ÷ (leads + m)) ÷ avg. Equals `lift` for big buckets; near 1 for tiny ones.
   */
  adjustedLift: z.number().min(0),
  /** Integer points, a non-decreasing function of `adjustedLift` across all rows (see `pointsFromCloseRate`). */
  points: z.number().int(),
  /** Whether the action's points enter the calibrated score (false when it only repeats other actions). */
  inScore: z.boolean(),
  suggestedMql: z.boolean(),
});
export type CalibrationRow = z.infer<typeof CalibrationRowSchema>;

export const CalibrationEvaluationSchema = z.object({
  seed: z.number().int(),
  trainLeads: z.number().int(),
  testLeads: z.number().int(),
  /** Actions chosen on the training part (may differ a little from `scoreActions`, chosen on all leads). */
  scoreActions: z.array(z.string()),
  /** Held-out AUC of the calibrated score (summed points of the score's actions); null when the test split lacks either outcome. */
  pointsAuc: z.number().nullable(),
  /** Held-out AUC of points summed over every action, for comparison. */
  allActionsPointsAuc: z.number().nullable(),
  logisticRegressionAuc: z.number().nullable(),
});
export type CalibrationEvaluation = z.infer<typeof CalibrationEvaluationSchema>;

export const CalibrationResultSchema = z.object({
  leads: z.number().int(),
  customers: z.number().int(),
  averageCloseRate: z.number(),
  actions: z.array(z.object({ action: z.string(), kind: ActionKindSchema })),
  /** The actions whose points the calibrated score adds up, in the order selection chose them. */
  scoreActions: z.array(z.string()),
  rows: z.array(CalibrationRowSchema),
  suggestedMql: z.array(CalibrationRowSchema),
  /** The highest lift any action can reach (1 ÷ average close rate); below `mqlLift` nothing qualifies. */
  maxPossibleLift: z.number().nullable(),
  evaluation: CalibrationEvaluationSchema,
});
export type CalibrationResult = z.infer<typeof CalibrationResultSchema>;
