import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from '../schemas/common';
import { StageHistoryEntrySchema } from '../schemas/lead';

export const FunnelSegmentDimensionSchema = z.enum(['industry', 'source', 'persona', 'leadType']);
export type FunnelSegmentDimension = z.infer<typeof FunnelSegmentDimensionSchema>;

/** One lead as the funnel sees it: its stage entries and the sales touches around it. */
export const FunnelLeadSchema = z.object({
  id: z.string().min(1).max(128),
  createdAt: IsoDateTimeSchema,
  source: z.string().max(100).optional(),
  industry: z.string().max(100).optional(),
  persona: z.string().max(100).optional(),
  leadType: z.string().max(100).optional(),
  stageHistory: z.array(StageHistoryEntrySchema).max(1000),
  /** Connect attempts (calls, emails, meetings) by sales. */
  attempts: z
    .array(z.object({ at: IsoDateTimeSchema }))
    .max(10_000)
    .optional(),
  /** Other activity of the lead (page views, form submits, email clicks) that makes it "active". */
  activities: z
    .array(z.object({ at: IsoDateTimeSchema }))
    .max(100_000)
    .optional(),
  /** Hand-offs sales returned to marketing, with the reason given. */
  rejections: z
    .array(z.object({ at: IsoDateTimeSchema, reason: z.string().trim().min(1).max(2000) }))
    .max(1000)
    .optional(),
  /** When the lead became hot (fit and interest high): the SLA clock starts. */
  hotAt: IsoDateTimeSchema.optional(),
  /** Explicit SLA deadline; otherwise hotAt + slaHours. */
  slaDueAt: IsoDateTimeSchema.optional(),
});
export type FunnelLead = z.infer<typeof FunnelLeadSchema>;
export type FunnelLeadInput = z.input<typeof FunnelLeadSchema>;

export const FunnelOptionsSchema = z.object({
  /** Inclusive start of the period (see `funnelMetrics` for which date each metric is filtered by). */
  from: IsoDateTimeSchema.optional(),
  /** Exclusive end of the period; none = up to `now`. */
  to: IsoDateTimeSchema.optional(),
  segmentBy: FunnelSegmentDimensionSchema.optional(),
  /** Lifecycle stage ids in funnel order, from the model: e.g. subscriber, lead, mql, sal, sql, opportunity, customer. */
  stageOrder: z.array(IdSchema).min(2).max(30),
  /** Hours sales has to touch a hot lead, when a lead has no explicit `slaDueAt`. */
  slaHours: z
    .number()
    .positive()
    .max(24 * 365)
    .optional(),
  /** Stage whose entry is the hand-off to sales; rejection rates are relative to it. Default `mql` (else the second stage). */
  handoffStage: IdSchema.optional(),
  /** Overall conversions reported beside the stage-to-stage ones, when both stages are in `stageOrder`. */
  overallConversions: z
    .array(z.tuple([IdSchema, IdSchema]))
    .max(20)
    .default([
      ['lead', 'customer'],
      ['mql', 'customer'],
    ]),
  now: IsoDateTimeSchema,
});
export type FunnelOptions = z.infer<typeof FunnelOptionsSchema>;
export type FunnelOptionsInput = z.input<typeof FunnelOptionsSchema>;

/** Leads plus options in one body, as an API request carries them. */
export const FunnelInputSchema = FunnelOptionsSchema.extend({ leads: z.array(FunnelLeadSchema) });
export type FunnelInput = z.infer<typeof FunnelInputSchema>;

/** count of `of`, with the rate as a plain fraction (0.10525 = 10.525 %); null when `of` is 0. */
export const FunnelRatioSchema = z.object({
  count: z.number().int().min(0),
  of: z.number().int().min(0),
  rate: z.number().min(0).max(1).nullable(),
});
export type FunnelRatio = z.infer<typeof FunnelRatioSchema>;

/** A median over `count` values; null when there are none. */
export const FunnelMedianSchema = z.object({ count: z.number().int().min(0), median: z.number().nullable() });
export type FunnelMedian = z.infer<typeof FunnelMedianSchema>;

export const FunnelConversionSchema = FunnelRatioSchema.extend({
  from: IdSchema,
  to: IdSchema,
  /** `step`: consecutive stages; `overall`: one of `overallConversions`. */
  kind: z.enum(['step', 'overall']),
});
export type FunnelConversion = z.infer<typeof FunnelConversionSchema>;

export const FunnelStageMetricsSchema = z.object({
  stage: IdSchema,
  /** Leads that entered this stage (or, skipping it, a later one) within the period. */
  entered: z.number().int().min(0),
  /** Calendar days from entering this stage to entering any later stage, for leads that moved on. */
  days: FunnelMedianSchema,
});

export const FunnelMetricsCoreSchema = z.object({
  leads: z.number().int().min(0),
  stages: z.array(FunnelStageMetricsSchema),
  conversions: z.array(FunnelConversionSchema),
  /** Leads with an attempt, activity, stage entry or rejection in the period ÷ leads created before the period end. */
  activeRate: FunnelRatioSchema,
  /** Calendar days from the first stage entry to entering the last stage (customer). */
  salesCycleDays: FunnelMedianSchema,
  /** Calendar days from the first connect attempt to entering the last stage (customer). */
  firstContactToWonDays: FunnelMedianSchema,
  sla: z.object({
    /** Hot leads (hotAt in the period) with a deadline. */
    hotLeads: z.number().int().min(0),
    /** Touched by the deadline ÷ hot leads whose outcome is known (touched, or deadline passed). */
    compliance: FunnelRatioSchema,
    /** Deadline still ahead and not yet touched. */
    pending: z.number().int().min(0),
    /** Hours from hotAt to the first attempt at or after it. */
    firstTouchHours: FunnelMedianSchema,
  }),
  rejections: z.object({
    /** Leads handed off in the period with at least one rejection ÷ leads handed off in the period. */
    rate: FunnelRatioSchema,
    /** Rejections of those leads per reason, most frequent first. */
    reasons: z.array(z.object({ reason: z.string(), count: z.number().int().min(1) })),
  }),
});
export type FunnelMetricsCore = z.infer<typeof FunnelMetricsCoreSchema>;

export const FunnelMetricsSchema = FunnelMetricsCoreSchema.extend({
  period: z.object({ from: IsoDateTimeSchema.nullable(), to: IsoDateTimeSchema.nullable(), now: IsoDateTimeSchema }),
  segmentBy: FunnelSegmentDimensionSchema.nullable(),
  /** Same metrics per value of `segmentBy` (null = leads without a value), largest segment first. */
  segments: z.array(FunnelMetricsCoreSchema.extend({ value: z.string().nullable() })),
});
export type FunnelMetrics = z.infer<typeof FunnelMetricsSchema>;
