import type { D1Database } from '@cloudflare/workers-types/2023-07-01';
import type { Context, MiddlewareHandler } from 'hono';
import { toHex } from './crypto';
import type { AppEnv } from './env';
import { PROBLEM_TYPES, problemResponse } from './problem';

/**
 * `Idempotency-Key` for writes (POST, PUT, PATCH, DELETE under /v1). The first request with a key
 * claims it (INSERT … ON CONFLICT DO NOTHING on (token id, key)) before the handler runs, so of two
 * concurrent duplicates only one ever executes. Its status and body are then stored and every retry
 * with the same key replays them with `Idempotent-Replayed: true`. A 5xx releases the key (the write
 * did not happen, a retry should run again). The same key with a different method, path or body is
 * a client bug: 422. A duplicate that arrives while the first is still running waits a little for it,
 * then answers 409 "request in progress" with `Retry-After`.
 */

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/** Keys are remembered this long; the extension's outbox gives up on an action well before. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A claim older than this belongs to a request that died mid-flight (isolate killed): it may be taken over. */
export const STALE_CLAIM_MS = 5 * 60 * 1000;
/** How long a duplicate waits for the first request before answering 409. */
const WAIT_FOR_FIRST_MS = 3000;
const POLL_MS = 50;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface StoredRow {
  request_hash: string;
  status: number | null;
  content_type: string | null;
  location: string | null;
  body: string | null;
  created_at: string;
}

async function requestHash(method: string, path: string, body: ArrayBuffer): Promise<string> {
  const head = new TextEncoder().encode(`${method} ${path}\n`);
  const all = new Uint8Array(head.byteLength + body.byteLength);
  all.set(head, 0);
  all.set(new Uint8Array(body), head.byteLength);
  return toHex(await crypto.subtle.digest('SHA-256', all));
}

async function claim(db: D1Database, callerId: string, key: string, hash: string, now: number): Promise<boolean> {
  const [, inserted] = await db.batch([
    db
      .prepare('DELETE FROM idempotency_keys WHERE created_at < ?1')
      .bind(new Date(now - IDEMPOTENCY_TTL_MS).toISOString()),
    db
      .prepare(
        `INSERT INTO idempotency_keys (caller_id, key, request_hash, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (caller_id, key) DO NOTHING`,
      )
      .bind(callerId, key, hash, new Date(now).toISOString()),
  ]);
  return (inserted?.meta.changes ?? 0) === 1;
}

function readStored(db: D1Database, callerId: string, key: string): Promise<StoredRow | null> {
  return db
    .prepare(
      'SELECT request_hash, status, content_type, location, body, created_at FROM idempotency_keys WHERE caller_id = ?1 AND key = ?2',
    )
    .bind(callerId, key)
    .first<StoredRow>();
}

/** Takes over a claim whose request died; conditional on the claim being unchanged, so only one taker wins. */
async function takeOverStale(db: D1Database, callerId: string, key: string, row: StoredRow, now: number) {
  const result = await db
    .prepare(
      `UPDATE idempotency_keys SET created_at = ?4 WHERE caller_id = ?1 AND key = ?2 AND status IS NULL AND created_at = ?3`,
    )
    .bind(callerId, key, row.created_at, new Date(now).toISOString())
    .run();
  return result.meta.changes === 1;
}

function replay(row: StoredRow): Response {
  const headers = new Headers({ [REPLAYED_HEADER]: 'true' });
  if (row.content_type) headers.set('Content-Type', row.content_type);
  if (row.location) headers.set('Location', row.location);
  return new Response(row.status === 204 || row.status === 304 ? null : (row.body ?? ''), {
    status: row.status ?? 500,
    headers,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mismatch(c: Context<AppEnv>): Response {
  return problemResponse(c, {
    status: 422,
    type: PROBLEM_TYPES.idempotencyMismatch,
    title: 'Idempotency key reused',
    detail: `This ${IDEMPOTENCY_HEADER} was already used for a different request; use a new key for a new request.`,
  });
}

export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header(IDEMPOTENCY_HEADER);
  if (key === undefined || !WRITE_METHODS.has(c.req.method)) return next();
  if (!KEY_PATTERN.test(key)) {
    return problemResponse(c, {
      status: 400,
      type: PROBLEM_TYPES.validation,
      title: 'Invalid request',
      detail: `${IDEMPOTENCY_HEADER} must be 1–255 visible ASCII characters (a UUID is a good choice).`,
      errors: [{ path: IDEMPOTENCY_HEADER, message: 'must be 1–255 visible ASCII characters' }],
    });
  }
  const caller = c.get('caller');
  const db = c.env.DB;
  // The body is cached by Hono, so the handler still reads it after this.
  const hash = await requestHash(c.req.method, new URL(c.req.url).pathname, await c.req.arrayBuffer());

  let claimed = await claim(db, caller.id, key, hash, Date.now());
  if (!claimed) {
    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const row = await readStored(db, caller.id, key);
      if (!row) {
        // Released (the first answered 5xx) or purged: claim afresh.
        claimed = await claim(db, caller.id, key, hash, Date.now());
        if (claimed) break;
        continue;
      }
      if (row.request_hash !== hash) return mismatch(c);
      if (row.status !== null) return replay(row);
      const now = Date.now();
      if (now - Date.parse(row.created_at) > STALE_CLAIM_MS && (await takeOverStale(db, caller.id, key, row, now))) {
        claimed = true;
        break;
      }
      if (now >= deadline) {
        return problemResponse(c, {
          status: 409,
          type: PROBLEM_TYPES.requestInProgress,
          title: 'Request in progress',
          detail: `A request with this ${IDEMPOTENCY_HEADER} is still being processed; retry shortly to get its answer.`,
          headers: { 'Retry-After': '1' },
        });
      }
      await sleep(POLL_MS);
    }
  }

  try {
    await next();
  } catch (error) {
    await release(db, caller.id, key);
    throw error;
  }
  const res = c.res;
  if (res.status >= 500) {
    await release(db, caller.id, key);
    return;
  }
  const body = res.status === 204 ? '' : await res.clone().text();
  await db
    .prepare(
      `UPDATE idempotency_keys SET status = ?3, content_type = ?4, location = ?5, body = ?6, completed_at = ?7
       WHERE caller_id = ?1 AND key = ?2`,
    )
    .bind(
      caller.id,
      key,
      res.status,
      res.headers.get('Content-Type'),
      res.headers.get('Location'),
      body,
      new Date().toISOString(),
    )
    .run();
};

async function release(db: D1Database, callerId: string, key: string): Promise<void> {
  await db
    .prepare('DELETE FROM idempotency_keys WHERE caller_id = ?1 AND key = ?2 AND status IS NULL')
    .bind(callerId, key)
    .run();
}
