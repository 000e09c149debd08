import { z } from 'zod';

/**
 * The typed rule language used by fit rules, lifecycle entry criteria and journey stages.
 * Attribute paths name lead fields (`industry`, `employees`, `country`, `title`, …) or
 * custom attributes as `attributes.<key>`.
 */
export const AttributePathSchema = z
  .string()
  .regex(/^(attributes\.)?[A-Za-z][A-Za-z0-9_]*$/, 'must be a lead field or attributes.<key>');

const ScalarSchema = z.union([z.string().max(500), z.number(), z.boolean()]);

export type Condition =
  | { op: 'eq'; attr: string; value: string | number | boolean }
  | { op: 'in'; attr: string; values: (string | number)[] }
  | { op: 'gte'; attr: string; value: number }
  | { op: 'lte'; attr: string; value: number }
  | { op: 'matches'; attr: string; pattern: string }
  | { op: 'exists'; attr: string }
  | { op: 'event'; types: string[]; countGte: number; withinDays?: number | undefined }
  | { op: 'metric'; metric: 'fit' | 'interest' | 'score'; gte: number }
  | { op: 'all'; of: Condition[] }
  | { op: 'any'; of: Condition[] }
  | { op: 'not'; of: Condition };

/** What admins may write: `countGte` defaults to 1. */
export type ConditionInput =
  | Exclude<Condition, { op: 'event' } | { op: 'all' } | { op: 'any' } | { op: 'not' }>
  | { op: 'event'; types: string[]; countGte?: number | undefined; withinDays?: number | undefined }
  | { op: 'all'; of: ConditionInput[] }
  | { op: 'any'; of: ConditionInput[] }
  | { op: 'not'; of: ConditionInput };

export const EventTypeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a lowercase event type such as demo_request');

export const ConditionSchema: z.ZodType<Condition, ConditionInput> = z.lazy(() =>
  z.discriminatedUnion('op', [
    z.object({ op: z.literal('eq'), attr: AttributePathSchema, value: ScalarSchema }),
    z.object({
      op: z.literal('in'),
      attr: AttributePathSchema,
      values: z
        .array(z.union([z.string().max(500), z.number()]))
        .min(1)
        .max(500),
    }),
    z.object({ op: z.literal('gte'), attr: AttributePathSchema, value: z.number() }),
    z.object({ op: z.literal('lte'), attr: AttributePathSchema, value: z.number() }),
    z.object({ op: z.literal('matches'), attr: AttributePathSchema, pattern: z.string().min(1).max(500) }),
    z.object({ op: z.literal('exists'), attr: AttributePathSchema }),
    z.object({
      op: z.literal('event'),
      types: z.array(EventTypeSchema).min(1).max(50),
      countGte: z.number().int().min(1).default(1),
      withinDays: z.number().positive().max(3650).optional(),
    }),
    z.object({
      op: z.literal('metric'),
      metric: z.enum(['fit', 'interest', 'score']),
      gte: z.number().min(0).max(100),
    }),
    z.object({ op: z.literal('all'), of: z.array(ConditionSchema).min(1).max(50) }),
    z.object({ op: z.literal('any'), of: z.array(ConditionSchema).min(1).max(50) }),
    z.object({ op: z.literal('not'), of: ConditionSchema }),
  ]),
) as z.ZodType<Condition, ConditionInput>;
