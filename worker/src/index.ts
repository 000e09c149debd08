import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { ConditionSchema } from '../../shared';
import { authenticate } from './auth';
import type { AppEnv } from './env';
import { idempotency } from './idempotency';
import { onError, onNotFound, PROBLEM_TYPES, problemResponse, validationHook } from './problem';
import { auditRoutes } from './routes/audit';
import { calibrationRoutes } from './routes/calibrations';
import { eventRoutes } from './routes/events';
import { healthRoutes } from './routes/health';
import { leadActionRoutes } from './routes/leadActions';
import { leadExportRoutes } from './routes/leadExport';
import { leadRoutes } from './routes/leads';
import { metricsRoutes } from './routes/metrics';
import { modelRoutes } from './routes/model';
import { modelPreviewRoutes } from './routes/modelPreview';
import { scoreRoutes } from './routes/score';
import { tokenRoutes } from './routes/tokens';

/**
 * Every route module, mounted at the root (modules carry full paths such as `/v1/model`).
 * Add one line per module; the OpenAPI document picks its routes up automatically.
 */
const ROUTE_MODULES = [
  healthRoutes,
  tokenRoutes,
  modelRoutes,
  modelPreviewRoutes,
  auditRoutes,
  // Before leadRoutes, so /v1/leads/export is not taken for a lead id.
  leadExportRoutes,
  leadRoutes,
  leadActionRoutes,
  eventRoutes,
  scoreRoutes,
  calibrationRoutes,
  metricsRoutes,
];

/** 10 MiB: room for a calibration upload of a few hundred thousand outcomes. */
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

const OPENAPI_PATH = '/v1/openapi.json';

const limitBodySize: MiddlewareHandler<AppEnv> = (c, next) =>
  bodyLimit({
    maxSize: Number(c.env.MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES),
    onError: (ctx) =>
      problemResponse(ctx, {
        status: 413,
        type: PROBLEM_TYPES.payloadTooLarge,
        title: 'Payload too large',
        detail: `Request bodies are limited to ${Number(c.env.MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES)} bytes; split the batch.`,
      }),
  })(c, next);

export const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

app.onError(onError);
app.notFound(onNotFound);

// The extension calls from its own origin with a bearer token (no cookies), so any origin may.
app.use(
  '*',
  cors({
    origin: '*',
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'],
    exposeHeaders: ['ETag', 'Location', 'Retry-After', 'WWW-Authenticate', 'Idempotent-Replayed'],
    maxAge: 86_400,
  }),
);
app.use('*', limitBodySize);
app.use('/v1/*', (c, next) => (c.req.path === OPENAPI_PATH ? next() : authenticate(c, next)));
// After authentication: keys are scoped to the token that sent them.
app.use('/v1/*', idempotency);

for (const routes of ROUTE_MODULES) app.route('/', routes);

// The rule language is recursive (all/any/not): without a named component the generator
// would recurse forever. Registering the lazy schema gives it a $ref.
app.openAPIRegistry.register('Condition', ConditionSchema);
app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
  type: 'http',
  scheme: 'bearer',
  description: 'A named token from POST /v1/tokens, or the ADMIN_TOKEN secret',
});

app.doc31(OPENAPI_PATH, (c) => ({
  openapi: '3.1.0',
  info: {
    title: 'Leadlens API',
    version: '1.0.0',
    description:
      'One shared sales–marketing alignment model and the leads it scores. Errors are RFC 9457 application/problem+json.',
  },
  servers: [{ url: new URL(c.req.url).origin }],
}));

export default app;
