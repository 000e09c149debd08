import type { D1Database } from '@cloudflare/workers-types/2023-07-01';
import type { Role } from '../../shared';

/** Bindings declared in wrangler.toml (and secrets from `.dev.vars` / `wrangler secret put`). */
export interface Bindings {
  DB: D1Database;
  /** Bootstrap admin secret; named tokens are created with it. */
  ADMIN_TOKEN?: string;
  /** Requests per minute per token, per isolate; "0" disables the limiter. */
  RATE_LIMIT_PER_MINUTE?: string;
  /** Largest accepted request body in bytes. */
  MAX_BODY_BYTES?: string;
}

/** Who is calling: set by the auth middleware, read by handlers for roles and audit. */
export interface Caller {
  /** Token id, or `bootstrap` for the ADMIN_TOKEN secret. */
  id: string;
  name: string;
  role: Role;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: { caller: Caller };
}
