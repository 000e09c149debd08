import { createRoute, z } from '@hono/zod-openapi';
import { LeadEventSchema, LocaleSchema, ProspectFactsSchema, ScoreResultSchema, score } from '../../../shared';
import { requireRole } from '../auth';
import { problemResponses } from '../problem';
import { loadPublishedModel } from '../publishedModel';
import { BEARER_SECURITY, createRouter } from '../router';

const ScoreInputSchema = z.object({
  facts: ProspectFactsSchema,
  /** Behaviour known for the person, if any; without it interest is unknown (interestKnown=false). */
  events: z.array(LeadEventSchema).max(1000).optional(),
  locale: LocaleSchema.optional(),
});

const scoreRoute = createRoute({
  method: 'post',
  path: '/v1/score',
  tags: ['score'],
  summary: 'Score facts that are not stored (a LinkedIn profile, a CRM record) with the live model',
  security: BEARER_SECURITY,
  middleware: [requireRole('rep')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: ScoreInputSchema } } } },
  responses: {
    200: { description: 'The score', content: { 'application/json': { schema: ScoreResultSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export const scoreRoutes = createRouter().openapi(scoreRoute, async (c) => {
  const { facts, events = [], locale } = c.req.valid('json');
  const published = await loadPublishedModel(c.env.DB);
  const result = score(published.model, facts, events, new Date(), {
    modelVersion: published.version,
    interestKnown: events.length > 0,
    ...(locale ? { locale } : {}),
  });
  return c.json(result, 200);
});
