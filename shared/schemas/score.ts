import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, JourneyStageIdSchema, QuadrantSchema } from './common';

export const WhyItemSchema = z.object({
  rule: z.string(),
  label: z.string(),
  points: z.number(),
  kind: z.enum(['fit', 'interest']),
  warningSign: z.boolean().optional(),
});

export const PersonaMatchSchema = z.object({
  id: IdSchema,
  name: z.string(),
  confidence: z.number().min(0).max(1),
  matched: z.array(z.string()),
});

export const TalkingPointSchema = z.object({
  personaId: IdSchema,
  journeyStage: JourneyStageIdSchema,
  text: z.string(),
});

export const ScoreResultSchema = z.object({
  fit: z.number().int().min(0).max(100),
  interest: z.number().int().min(0).max(100),
  /** False when nothing is known of the person's behaviour (e.g. a LinkedIn profile not in the lead store). */
  interestKnown: z.boolean(),
  score: z.number().int().min(0).max(100),
  grade: z.string(),
  quadrant: QuadrantSchema,
  stage: z.string(),
  suggestedStage: IdSchema.optional(),
  suggestedBy: z.string().optional(),
  journeyStage: JourneyStageIdSchema,
  personas: z.array(PersonaMatchSchema),
  talkingPoints: z.array(TalkingPointSchema),
  content: z.array(z.object({ personaId: IdSchema, title: z.string(), url: z.string().optional() })),
  nextAction: z.string(),
  sla: z
    .object({
      startedAt: IsoDateTimeSchema,
      dueAt: IsoDateTimeSchema,
      breached: z.boolean(),
      met: z.boolean(),
      hours: z.number(),
    })
    .optional(),
  why: z.array(WhyItemSchema),
  modelVersion: z.number().int().min(0),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
export type WhyItem = z.infer<typeof WhyItemSchema>;
export type PersonaMatch = z.infer<typeof PersonaMatchSchema>;
