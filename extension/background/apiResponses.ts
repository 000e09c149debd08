import { z } from 'zod';
import { LeadEventSchema, LeadSchema, ModelVersionSchema, ScoreResultSchema } from '../../shared';

/** `GET /v1/model`: the published model, its version and ETag (also in the `ETag` header). */
export const ModelResponseSchema = ModelVersionSchema;
export type ModelResponse = z.infer<typeof ModelResponseSchema>;

/** `GET /v1/leads/lookup`: the stored lead, the API's score and, when sent, its events. */
export const LookupResponseSchema = z.looseObject({
  lead: LeadSchema,
  score: ScoreResultSchema,
  events: z.array(LeadEventSchema).optional(),
});
export type LookupResponse = z.infer<typeof LookupResponseSchema>;
