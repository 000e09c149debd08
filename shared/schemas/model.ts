import { z } from 'zod';
import { IdSchema, JourneyStageIdSchema, LocaleSchema, LocalizedTextSchema, QuadrantSchema } from './common';
import { ConditionSchema, EventTypeSchema } from './conditions';

const DefinitionItem = {
  id: IdSchema,
  label: LocalizedTextSchema,
  definition: LocalizedTextSchema,
};

export const GlossaryTermSchema = z.object({
  id: IdSchema,
  term: LocalizedTextSchema,
  definition: LocalizedTextSchema,
});

/** A fit rule: firmographic points. Negative points mark warning signs of bad customers. */
export const FitRuleSchema = z.object({
  id: IdSchema,
  label: LocalizedTextSchema,
  when: ConditionSchema,
  points: z.number().min(-1000).max(1000),
  warningSign: z.boolean().default(false),
});

export const IcpSchema = z.object({
  description: LocalizedTextSchema,
  rules: z.array(FitRuleSchema).max(200),
  /** Raw fit points at or below `min` map to 0, at or above `max` to 100. */
  normalization: z.object({ min: z.number(), max: z.number() }),
});

/** Points per matching event, decayed by age, capped per rule (in absolute value). */
export const BehaviourRuleSchema = z.object({
  id: IdSchema,
  label: LocalizedTextSchema,
  eventTypes: z.array(EventTypeSchema).min(1).max(50),
  points: z.number().min(-1000).max(1000),
  cap: z.number().positive().max(10000),
});

export const BehaviourSchema = z.object({
  rules: z.array(BehaviourRuleSchema).max(200),
  halfLifeDays: z.number().positive().max(3650),
  /** Decayed raw interest at or above this maps to 100. */
  normalizationMax: z.number().positive(),
});

export const QuadrantActionSchema = z.object({
  label: LocalizedTextSchema,
  definition: LocalizedTextSchema,
  nextAction: LocalizedTextSchema,
  owner: z.enum(['sales', 'marketing', 'human']),
});

export const QuadrantsSchema = z.object({
  fitHigh: z.number().min(0).max(100),
  interestHigh: z.number().min(0).max(100),
  actions: z.object({
    hot: QuadrantActionSchema,
    nurture: QuadrantActionSchema,
    explore: QuadrantActionSchema,
    disqualify: QuadrantActionSchema,
  }),
});

export const GradeSchema = z.object({ grade: z.string().min(1).max(3), minFit: z.number().min(0).max(100) });

export const BuyingRoleSchema = z.enum(['end_user', 'influencer', 'decision_maker']);

export const TitlePatternSchema = z.object({
  locale: LocaleSchema,
  /** A case-insensitive, Unicode-aware regular expression matched against the job title. */
  pattern: z.string().min(1).max(500),
  weight: z.number().min(0).max(1).default(1),
});

export const ContentItemSchema = z.object({
  title: LocalizedTextSchema,
  url: z.url().max(2000).optional(),
});

export const MessagingSchema = z.object({
  talkingPoints: z.array(LocalizedTextSchema).max(50),
  content: z.array(ContentItemSchema).max(50),
});

export const PersonaSchema = z.object({
  id: IdSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  buyingRole: BuyingRoleSchema,
  titlePatterns: z.array(TitlePatternSchema).min(1).max(100),
  /** Optional department/industry signals that raise confidence when they also match. */
  departmentPatterns: z.array(z.string().min(1).max(500)).max(50).default([]),
  seniorityPatterns: z.array(z.string().min(1).max(500)).max(50).default([]),
  pains: z.array(LocalizedTextSchema).max(50).default([]),
  objections: z.array(LocalizedTextSchema).max(50).default([]),
  messaging: z.object({
    awareness: MessagingSchema,
    consideration: MessagingSchema,
    decision: MessagingSchema,
  }),
});

export const JourneyStageSchema = z.object({
  id: JourneyStageIdSchema,
  label: LocalizedTextSchema,
  definition: LocalizedTextSchema,
  /** The prospect is in the latest stage whose condition holds; the first stage is the default. */
  when: ConditionSchema.optional(),
});

export const EntryCriterionSchema = z.object({
  id: IdSchema,
  label: LocalizedTextSchema,
  emphasis: z.enum(['fit', 'interest', 'other']).default('other'),
  when: ConditionSchema,
  active: z.boolean().default(true),
});

export const LifecycleStageSchema = z.object({
  ...DefinitionItem,
  ownerTeam: z.enum(['marketing', 'sales', 'customer_success']),
  /** Suggest this stage when any active criterion holds. */
  entryCriteria: z.array(EntryCriterionSchema).max(20).default([]),
});

/** A move that the forward-only rule would forbid (e.g. return to nurture), or that needs a status/reason. */
export const LifecycleTransitionSchema = z.object({
  id: IdSchema,
  label: LocalizedTextSchema,
  from: z.array(IdSchema).min(1),
  to: IdSchema,
  setsStatus: IdSchema.optional(),
  requiresReason: z.boolean().default(false),
});

export const LeadStatusSchema = z.object({ ...DefinitionItem });
export const DealStageSchema = z.object({
  ...DefinitionItem,
  probability: z.number().min(0).max(1),
  closed: z.boolean().default(false),
  won: z.boolean().default(false),
});
export const LeadTypeSchema = z.object({ ...DefinitionItem, dimension: z.enum(['relationship', 'offering']) });

export const SlaSchema = z.object({
  /** Hours sales has to make first contact, per quadrant; absent = no SLA clock. */
  followUpHours: z.object({
    hot: z
      .number()
      .positive()
      .max(24 * 90),
    nurture: z
      .number()
      .positive()
      .max(24 * 90)
      .optional(),
    explore: z
      .number()
      .positive()
      .max(24 * 90)
      .optional(),
    disqualify: z
      .number()
      .positive()
      .max(24 * 90)
      .optional(),
  }),
  handoffRequiredFields: z.array(z.string().min(1)).max(30),
  connectAttempt: z.object({ touches: z.number().int().positive(), businessDays: z.number().int().positive() }),
  rejectionFeedbackDays: z.number().int().positive().max(365),
  monthlyMqlCommitment: z.number().int().min(0),
  /** The lifecycle stage whose entry starts the SLA clock even before the lead is hot. */
  clockStartsAtStage: IdSchema.default('mql'),
});

export const AlignmentModelSchema = z.object({
  name: z.string().min(1).max(200),
  locales: z.array(LocaleSchema).min(1).default(['en']),
  glossary: z.array(GlossaryTermSchema).max(500),
  icp: IcpSchema,
  personas: z.array(PersonaSchema).max(100),
  behaviour: BehaviourSchema,
  quadrants: QuadrantsSchema,
  grades: z.array(GradeSchema).min(1).max(10),
  /** Weight of fit in the blended score; interest gets the rest. */
  fitWeight: z.number().min(0).max(1).default(0.5),
  journeyStages: z.array(JourneyStageSchema).min(1).max(3),
  lifecycle: z.object({
    stages: z.array(LifecycleStageSchema).min(1).max(30),
    transitions: z.array(LifecycleTransitionSchema).max(50).default([]),
  }),
  leadStatuses: z.array(LeadStatusSchema).min(1).max(50),
  dealStages: z.array(DealStageSchema).min(1).max(50),
  leadTypes: z.array(LeadTypeSchema).max(50),
  sla: SlaSchema,
});

export type AlignmentModel = z.infer<typeof AlignmentModelSchema>;
export type AlignmentModelInput = z.input<typeof AlignmentModelSchema>;
export type Persona = z.infer<typeof PersonaSchema>;
export type FitRule = z.infer<typeof FitRuleSchema>;
export type BehaviourRule = z.infer<typeof BehaviourRuleSchema>;
export type LifecycleStage = z.infer<typeof LifecycleStageSchema>;
export type LifecycleTransition = z.infer<typeof LifecycleTransitionSchema>;
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
export type QuadrantAction = z.infer<typeof QuadrantActionSchema>;
export { QuadrantSchema };
