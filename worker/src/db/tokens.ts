import type { D1Database } from '@cloudflare/workers-types/2023-07-01';
import type { Role } from '../../../shared';
import type { Caller } from '../env';
import { auditStatement } from './audit';

export interface TokenRecord {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  token_hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

function toRecord(row: TokenRow): TokenRecord {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    createdAt: row.created_at,
    createdBy: row.created_by,
    revokedAt: row.revoked_at,
    lastUsedAt: row.last_used_at,
  };
}

/** The live (not revoked) token whose secret hashes to `tokenHash`, with the stored hash for a constant-time re-check. */
export async function findActiveTokenByHash(
  db: D1Database,
  tokenHash: string,
): Promise<(TokenRecord & { tokenHash: string }) | null> {
  const row = await db
    .prepare('SELECT * FROM tokens WHERE token_hash = ? AND revoked_at IS NULL')
    .bind(tokenHash)
    .first<TokenRow>();
  return row ? { ...toRecord(row), tokenHash: row.token_hash } : null;
}

export async function insertToken(
  db: D1Database,
  token: { id: string; name: string; role: Role; tokenHash: string; createdAt: string },
  caller: Caller,
): Promise<void> {
  await db.batch([
    db
      .prepare('INSERT INTO tokens (id, name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
      .bind(token.id, token.name, token.role, token.tokenHash, token.createdAt, caller.name),
    auditStatement(db, {
      caller,
      action: 'token.create',
      target: token.id,
      detail: { name: token.name, role: token.role },
      at: token.createdAt,
    }),
  ]);
}

export async function listTokens(db: D1Database, includeRevoked: boolean): Promise<TokenRecord[]> {
  const sql = `SELECT * FROM tokens ${includeRevoked ? '' : 'WHERE revoked_at IS NULL'} ORDER BY created_at DESC, id`;
  const { results } = await db.prepare(sql).all<TokenRow>();
  return results.map(toRecord);
}

/** Revokes a live token; false when there is no such live token. */
export async function revokeToken(db: D1Database, id: string, caller: Caller, at: string): Promise<boolean> {
  const token = await db
    .prepare('SELECT name, role FROM tokens WHERE id = ? AND revoked_at IS NULL')
    .bind(id)
    .first<{ name: string; role: Role }>();
  if (!token) return false;
  const [update] = await db.batch([
    db
      .prepare('UPDATE tokens SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL')
      .bind(at, caller.name, id),
    // changes() is the row count of the UPDATE just above: a concurrent revoke that got there first is not audited twice.
    auditStatement(
      db,
      { caller, action: 'token.revoke', target: id, detail: token, at },
      { sql: 'changes() = 1', params: [] },
    ),
  ]);
  return (update?.meta.changes ?? 0) > 0;
}

/** Records use at most about once an hour per token, so reads don't turn into writes. */
export async function touchToken(db: D1Database, id: string, at: string): Promise<void> {
  const hourAgo = new Date(Date.parse(at) - 3_600_000).toISOString();
  await db
    .prepare('UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)')
    .bind(at, id, hourAgo)
    .run();
}
