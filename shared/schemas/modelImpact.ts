import { z } from 'zod';
import { IsoDateTimeSchema, QuadrantSchema } from './common';
import { AlignmentModelSchema } from './model';

/** `POST /v1/model/preview`: a draft to compare with the live model over the stored leads. */
export const ModelPreviewInputSchema = z.object({
  model: AlignmentModelSchema,
  /** Score as of this instant (default: now), so two previews of the same data agree. */
  at: IsoDateTimeSchema.optional(),
});
export type ModelPreviewInput = z.infer<typeof ModelPreviewInputSchema>;

/** What a model says about one lead that a publish could change: quadrant and suggested stage. */
export const LeadOutcomeSchema = z.object({
  quadrant: QuadrantSchema,
  /** The suggested lifecycle stage; null when no stage ahead of the stored one is suggested. */
  stage: z.string().nullable(),
});
export type LeadOutcome = z.infer<typeof LeadOutcomeSchema>;

export const QuadrantTransitionSchema = z.object({
  from: QuadrantSchema,
  to: QuadrantSchema,
  count: z.number().int().min(1),
});

export const StageTransitionSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  count: z.number().int().min(1),
});

export const ImpactExampleSchema = z.object({
  leadId: z.string(),
  email: z.string(),
  from: LeadOutcomeSchema,
  to: LeadOutcomeSchema,
});

/** How many compared leads would change if the draft were published, and how. */
export const ModelImpactSchema = z.object({
  leadsCompared: z.number().int().min(0),
  /** Changed in quadrant, in suggested stage, and in either. */
  quadrantChanged: z.number().int().min(0),
  stageChanged: z.number().int().min(0),
  changed: z.number().int().min(0),
  /** Most frequent first; only actual changes (from ≠ to). */
  quadrantTransitions: z.array(QuadrantTransitionSchema),
  stageTransitions: z.array(StageTransitionSchema),
  /** A few changed leads, in the order they were compared. */
  examples: z.array(ImpactExampleSchema),
});
export type ModelImpact = z.infer<typeof ModelImpactSchema>;

/** The 200 of `POST /v1/model/preview`. */
export const ModelPreviewSchema = ModelImpactSchema.extend({
  /** Every stored lead; more than `leadsCompared` when the preview was bounded. */
  leadsTotal: z.number().int().min(0),
  /** The most recently updated leads are compared first; true when some were left out. */
  truncated: z.boolean(),
  /** The live version the draft was compared with (0 = built-in default). */
  liveVersion: z.number().int().min(0),
  at: IsoDateTimeSchema,
});
export type ModelPreview = z.infer<typeof ModelPreviewSchema>;
