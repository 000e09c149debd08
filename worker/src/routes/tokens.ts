import { createRoute, z } from '@hono/zod-openapi';
import { CreatedTokenSchema, TokenCreateInputSchema, TokenListSchema } from '../../../shared';
import { requireRole } from '../auth';
import { randomId, randomSecret, sha256Hex } from '../crypto';
import { insertToken, listTokens, revokeToken } from '../db/tokens';
import { notFoundProblem, problemResponses } from '../problem';
import { BEARER_SECURITY, createRouter } from '../router';

const createTokenRoute = createRoute({
  method: 'post',
  path: '/v1/tokens',
  tags: ['tokens'],
  summary: 'Create a named token with a role; the secret is shown only in this response',
  security: BEARER_SECURITY,
  middleware: [requireRole('admin')] as const,
  request: { body: { required: true, content: { 'application/json': { schema: TokenCreateInputSchema } } } },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: CreatedTokenSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

const listTokensRoute = createRoute({
  method: 'get',
  path: '/v1/tokens',
  tags: ['tokens'],
  summary: 'List tokens (never their secrets)',
  security: BEARER_SECURITY,
  middleware: [requireRole('admin')] as const,
  request: {
    query: z.object({
      includeRevoked: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true'),
    }),
  },
  responses: {
    200: { description: 'Tokens, newest first', content: { 'application/json': { schema: TokenListSchema } } },
    ...problemResponses(401, 403),
  },
});

const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/v1/tokens/{id}',
  tags: ['tokens'],
  summary: 'Revoke a token; it stops working at once',
  security: BEARER_SECURITY,
  middleware: [requireRole('admin')] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Revoked' }, ...problemResponses(401, 403, 404) },
});

export const tokenRoutes = createRouter()
  .openapi(createTokenRoute, async (c) => {
    const input = c.req.valid('json');
    const token = randomSecret('ll_');
    const created = { id: randomId('tok_'), name: input.name, role: input.role, createdAt: new Date().toISOString() };
    await insertToken(c.env.DB, { ...created, tokenHash: await sha256Hex(token) }, c.get('caller'));
    return c.json({ ...created, token }, 201, { 'Cache-Control': 'no-store', Location: `/v1/tokens/${created.id}` });
  })
  .openapi(listTokensRoute, async (c) => {
    const { includeRevoked } = c.req.valid('query');
    return c.json({ tokens: await listTokens(c.env.DB, includeRevoked) }, 200);
  })
  .openapi(revokeTokenRoute, async (c) => {
    const { id } = c.req.valid('param');
    const revoked = await revokeToken(c.env.DB, id, c.get('caller'), new Date().toISOString());
    if (!revoked) throw notFoundProblem(`No live token with id "${id}".`);
    return c.body(null, 204);
  });
