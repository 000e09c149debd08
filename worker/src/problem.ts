import { z } from '@hono/zod-openapi';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { type FieldError, PROBLEM_TYPES, zodIssuesToFieldErrors } from '../../shared';

/**
 * The one place where API errors are built: RFC 9457 problem details served as
 * `application/problem+json`. Validation failures carry `errors: [{path, message}]`
 * with dotted paths into the request (`model.quadrants.fitHigh`, `0.email`, `from`).
 */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export { PROBLEM_TYPES } from '../../shared';

export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() }).openapi('FieldError');

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');
export type Problem = z.infer<typeof ProblemSchema>;

export interface ProblemInit {
  status: ContentfulStatusCode;
  title: string;
  type?: string;
  detail?: string;
  errors?: FieldError[];
  /** Extension members (RFC 9457 §3.2), e.g. `currentVersion` on a 412. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** Builds the problem response. Everything that answers an error goes through here. */
export function problemResponse(c: Context, init: ProblemInit): Response {
  const body: Problem = {
    type: init.type ?? PROBLEM_TYPES.http,
    title: init.title,
    status: init.status,
    ...(init.detail !== undefined ? { detail: init.detail } : {}),
    instance: new URL(c.req.url).pathname,
    ...(init.errors ? { errors: init.errors } : {}),
    ...init.extensions,
  };
  const headers = new Headers(init.headers);
  headers.set('Content-Type', PROBLEM_CONTENT_TYPE);
  // Responses built here bypass c.json, so carry over headers middleware already set (CORS, rate limit).
  c.res.headers.forEach((value, key) => {
    if (!headers.has(key) && key.toLowerCase() !== 'content-type' && key.toLowerCase() !== 'content-length') {
      headers.set(key, value);
    }
  });
  return new Response(JSON.stringify(body), { status: init.status, headers });
}

/** Thrown from handlers and data access to end the request with a problem. */
export class ProblemError extends Error {
  constructor(readonly init: ProblemInit) {
    super(init.detail ?? init.title);
    this.name = 'ProblemError';
  }
}

export function validationProblem(errors: FieldError[], detail = 'The request is not valid.'): ProblemError {
  return new ProblemError({ status: 400, type: PROBLEM_TYPES.validation, title: 'Invalid request', detail, errors });
}

export function notFoundProblem(detail: string): ProblemError {
  return new ProblemError({ status: 404, type: PROBLEM_TYPES.notFound, title: 'Not found', detail });
}

export function conflictProblem(detail: string, extensions?: Record<string, unknown>): ProblemError {
  return new ProblemError({
    status: 409,
    type: PROBLEM_TYPES.conflict,
    title: 'Conflict',
    detail,
    ...(extensions ? { extensions } : {}),
  });
}

/**
 * `defaultHook` for @hono/zod-openapi: every schema-validated body, query, path parameter
 * and header that fails becomes a 400 problem naming the offending paths.
 */
export function validationHook(
  result: { success: true; data: unknown; target?: string } | { success: false; error: ZodError; target?: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const where = result.target === 'json' ? 'body' : result.target === 'param' ? 'path parameters' : result.target;
  return problemResponse(c, {
    status: 400,
    type: PROBLEM_TYPES.validation,
    title: 'Invalid request',
    detail: `The request ${where ?? 'input'} is not valid.`,
    errors: zodIssuesToFieldErrors(result.error),
  });
}

const STATUS_TITLES: Partial<Record<number, { title: string; type: string }>> = {
  400: { title: 'Bad request', type: PROBLEM_TYPES.http },
  401: { title: 'Unauthorized', type: PROBLEM_TYPES.unauthorized },
  403: { title: 'Forbidden', type: PROBLEM_TYPES.forbidden },
  404: { title: 'Not found', type: PROBLEM_TYPES.notFound },
  409: { title: 'Conflict', type: PROBLEM_TYPES.conflict },
  412: { title: 'Precondition failed', type: PROBLEM_TYPES.preconditionFailed },
  413: { title: 'Payload too large', type: PROBLEM_TYPES.payloadTooLarge },
  415: { title: 'Unsupported media type', type: PROBLEM_TYPES.unsupportedMediaType },
  422: { title: 'Idempotency key reused', type: PROBLEM_TYPES.idempotencyMismatch },
  429: { title: 'Too many requests', type: PROBLEM_TYPES.rateLimited },
};

function isMalformedJson(err: Error): boolean {
  return err instanceof SyntaxError || (err instanceof HTTPException && /malformed json/i.test(err.message));
}

/**
 * Global error handler. Known problems render as they were built; anything else is a
 * 500 whose body never carries the message or stack (those go to the log only).
 */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ProblemError) return problemResponse(c, err.init);
  if (isMalformedJson(err)) {
    return problemResponse(c, {
      status: 400,
      type: PROBLEM_TYPES.malformedJson,
      title: 'Malformed JSON',
      detail: 'The request body is not valid JSON.',
    });
  }
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const known = STATUS_TITLES[status];
    return problemResponse(c, {
      status,
      type: known?.type ?? PROBLEM_TYPES.http,
      title: known?.title ?? 'Request failed',
      ...(err.message ? { detail: err.message } : {}),
    });
  }
  console.error('unhandled error', c.req.method, new URL(c.req.url).pathname, err);
  return problemResponse(c, {
    status: 500,
    type: PROBLEM_TYPES.internal,
    title: 'Internal server error',
    detail: 'Something went wrong on our side. The error has been logged.',
  });
};

export const onNotFound: NotFoundHandler = (c) =>
  problemResponse(c, {
    status: 404,
    type: PROBLEM_TYPES.noRoute,
    title: 'Not found',
    detail: `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`,
  });

/** OpenAPI response entries for the problems a route can answer with. */
export function problemResponses(
  ...statuses: number[]
): Record<string, { description: string; content: Record<string, { schema: typeof ProblemSchema }> }> {
  const out: Record<string, { description: string; content: Record<string, { schema: typeof ProblemSchema }> }> = {};
  for (const status of statuses) {
    out[String(status)] = {
      description: STATUS_TITLES[status]?.title ?? (status === 500 ? 'Internal server error' : 'Error'),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
    };
  }
  return out;
}
