import { createRoute, z } from '@hono/zod-openapi';
import { publishedModelHead } from '../publishedModel';
import { createRouter } from '../router';

const HealthSchema = z.object({
  ok: z.boolean(),
  /** The live model version; 0 while only the built-in default exists. */
  modelVersion: z.number().int().min(0),
});

const healthRoute = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['system'],
  summary: 'Liveness and the live model version (no auth)',
  responses: {
    200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } },
    503: { description: 'The database is unreachable', content: { 'application/json': { schema: HealthSchema } } },
  },
});

export const healthRoutes = createRouter().openapi(healthRoute, async (c) => {
  try {
    const head = await publishedModelHead(c.env.DB);
    return c.json({ ok: true, modelVersion: head.version }, 200, { 'Cache-Control': 'no-store' });
  } catch (error) {
    console.error('health check failed', error);
    return c.json({ ok: false, modelVersion: 0 }, 503, { 'Cache-Control': 'no-store' });
  }
});
