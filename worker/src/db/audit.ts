import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types/2023-07-01';
import type { AuditEntry } from '../../../shared';
import type { Caller } from '../env';

/** Actions written to the audit log; other modules add theirs (e.g. `lead.transition`). */
export type AuditAction = 'token.create' | 'token.revoke' | 'model.publish' | 'model.rollback' | (string & {});

interface AuditRow {
  id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  action: string;
  target: string | null;
  detail: string | null;
}

/**
 * The audit insert as a statement, so callers put it in the same `db.batch` as the change
 * it records: both commit or neither does. `onlyIf` is an SQL condition (evaluated inside
 * the batch's transaction) for changes that may turn out to be no-ops, e.g. a conditional
 * insert that lost a race.
 */
export function auditStatement(
  db: D1Database,
  entry: { caller: Caller; action: AuditAction; target?: string; detail?: unknown; at: string },
  onlyIf?: { sql: string; params: (string | number | null)[] },
): D1PreparedStatement {
  const values = [
    entry.at,
    entry.caller.id,
    entry.caller.name,
    entry.caller.role,
    entry.action,
    entry.target ?? null,
    entry.detail === undefined ? null : JSON.stringify(entry.detail),
  ];
  const columns = 'at, actor_id, actor_name, actor_role, action, target, detail';
  if (!onlyIf) return db.prepare(`INSERT INTO audit_log (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?)`).bind(...values);
  return db
    .prepare(`INSERT INTO audit_log (${columns}) SELECT ?, ?, ?, ?, ?, ?, ? WHERE ${onlyIf.sql}`)
    .bind(...values, ...onlyIf.params);
}

/** Newest first; `before` is an entry id for paging. */
export async function listAudit(
  db: D1Database,
  query: { limit: number; before?: number | undefined; action?: string | undefined },
): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.before !== undefined) {
    where.push('id < ?');
    params.push(query.before);
  }
  if (query.action !== undefined) {
    where.push('action = ?');
    params.push(query.action);
  }
  const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
  const { results } = await db
    .prepare(sql)
    .bind(...params, query.limit)
    .all<AuditRow>();
  return results.map((row) => ({
    id: row.id,
    at: row.at,
    actor: { id: row.actor_id, name: row.actor_name, role: row.actor_role },
    action: row.action,
    target: row.target,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as unknown),
  }));
}
