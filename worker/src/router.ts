import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';
import { validationHook } from './problem';

/**
 * A route module's router. Every route module exports one built here so schema validation
 * failures answer the same 400 problem everywhere; index.ts mounts it.
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

/** OpenAPI security requirement for bearer-protected routes. */
export const BEARER_SECURITY = [{ bearer: [] }];
