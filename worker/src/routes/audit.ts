import { createRoute, z } from '@hono/zod-openapi';
import { AuditListSchema } from '../../../shared';
import { requireRole } from '../auth';
import { listAudit } from '../db/audit';
import { problemResponses } from '../problem';
import { BEARER_SECURITY, createRouter } from '../router';

const listAuditRoute = createRoute({
  method: 'get',
  path: '/v1/audit',
  tags: ['audit'],
  summary: 'Who changed what: tokens, model versions, rollbacks (newest first)',
  security: BEARER_SECURITY,
  middleware: [requireRole('admin')] as const,
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().min(1).optional(),
      action: z.string().max(64).optional(),
    }),
  },
  responses: {
    200: { description: 'Audit entries', content: { 'application/json': { schema: AuditListSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export const auditRoutes = createRouter().openapi(listAuditRoute, async (c) => {
  const query = c.req.valid('query');
  const entries = await listAudit(c.env.DB, query);
  const last = entries.at(-1);
  return c.json({ entries, nextBefore: entries.length === query.limit && last ? last.id : null }, 200);
});
