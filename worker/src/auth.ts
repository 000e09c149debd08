import type { MiddlewareHandler } from 'hono';
import { ROLE_RANK, type Role } from '../../shared';
import { constantTimeEqual, sha256Hex } from './crypto';
import { findActiveTokenByHash, touchToken } from './db/tokens';
import type { AppEnv, Caller } from './env';
import { PROBLEM_TYPES, problemResponse } from './problem';
import { TokenBuckets } from './rateLimit';

/** The caller identity of the `ADMIN_TOKEN` secret. */
export const BOOTSTRAP_CALLER: Caller = { id: 'bootstrap', name: 'bootstrap-admin', role: 'admin' };

const WWW_AUTHENTICATE = 'Bearer realm="leadlens"';

function unauthorized(c: Parameters<MiddlewareHandler<AppEnv>>[0], detail: string, error?: 'invalid_token') {
  return problemResponse(c, {
    status: 401,
    type: PROBLEM_TYPES.unauthorized,
    title: 'Unauthorized',
    detail,
    headers: { 'WWW-Authenticate': error ? `${WWW_AUTHENTICATE}, error="${error}"` : WWW_AUTHENTICATE },
  });
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer[ ]+([A-Za-z0-9._~+/=-]+)\s*$/i);
  return match?.[1] ?? null;
}

// The secret is fixed for the isolate's life (a changed secret is a new deployment); keyed by value anyway.
let adminHash: { secret: string; hash: Promise<string> } | null = null;

function adminTokenHash(secret: string): Promise<string> {
  if (adminHash?.secret !== secret) adminHash = { secret, hash: sha256Hex(secret) };
  return adminHash.hash;
}

/** Resolves a presented secret to a caller, or null. Named tokens are looked up by SHA-256, never stored in clear. */
export async function resolveCaller(
  env: AppEnv['Bindings'],
  secret: string,
): Promise<(Caller & { fromDb: boolean }) | null> {
  const presentedHash = await sha256Hex(secret);
  if (env.ADMIN_TOKEN) {
    // Compare digests so the time taken says nothing about the secret's prefix or length.
    if (constantTimeEqual(presentedHash, await adminTokenHash(env.ADMIN_TOKEN)))
      return { ...BOOTSTRAP_CALLER, fromDb: false };
  }
  const token = await findActiveTokenByHash(env.DB, presentedHash);
  if (!token || !constantTimeEqual(token.tokenHash, presentedHash)) return null;
  return { id: token.id, name: token.name, role: token.role, fromDb: true };
}

let buckets: TokenBuckets | null = null;

/** One limiter per isolate, rebuilt if the configured rate changes. */
function limiter(perMinute: number): TokenBuckets {
  if (!buckets || buckets.perMinute !== perMinute) buckets = new TokenBuckets(perMinute);
  return buckets;
}

/**
 * Bearer authentication for every `/v1` route: 401 with `WWW-Authenticate: Bearer` when the
 * token is missing, unknown or revoked. Sets `caller` for role checks and audit, then applies
 * the per-token rate limit (429 with `Retry-After`).
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('Authorization');
  if (!header) return unauthorized(c, 'Send an API token as "Authorization: Bearer <token>".');
  const secret = bearerToken(header);
  if (!secret) return unauthorized(c, 'The Authorization header must be "Bearer <token>".', 'invalid_token');
  const caller = await resolveCaller(c.env, secret);
  if (!caller) return unauthorized(c, 'The token is unknown or has been revoked.', 'invalid_token');
  c.set('caller', { id: caller.id, name: caller.name, role: caller.role });

  const perMinute = Number(c.env.RATE_LIMIT_PER_MINUTE ?? '0');
  if (perMinute > 0) {
    const waitSeconds = limiter(perMinute).take(caller.id, Date.now());
    if (waitSeconds > 0) {
      return problemResponse(c, {
        status: 429,
        type: PROBLEM_TYPES.rateLimited,
        title: 'Too many requests',
        detail: `This token may make ${perMinute} requests a minute. Retry after ${waitSeconds} s.`,
        headers: { 'Retry-After': String(waitSeconds) },
      });
    }
  }

  if (caller.fromDb) {
    const touch = touchToken(c.env.DB, caller.id, new Date().toISOString()).catch((error: unknown) =>
      console.warn('could not record token use', error),
    );
    try {
      c.executionCtx.waitUntil(touch);
    } catch {
      await touch; // no execution context (e.g. app.request in a unit test)
    }
  }
  await next();
};

/** 403 unless the caller's role is at least `minimum` (rep < marketer < admin). */
export function requireRole(minimum: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if (!caller || ROLE_RANK[caller.role] < ROLE_RANK[minimum]) {
      return problemResponse(c, {
        status: 403,
        type: PROBLEM_TYPES.forbidden,
        title: 'Forbidden',
        detail: `This needs the ${minimum} role${caller ? `; the token "${caller.name}" has ${caller.role}` : ''}.`,
        extensions: { requiredRole: minimum },
      });
    }
    await next();
  };
}
