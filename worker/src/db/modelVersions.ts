import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types/2023-07-01';
import type { AlignmentModel, ModelVersionSummary } from '../../../shared';
import type { Caller } from '../env';
import { auditStatement } from './audit';

export interface StoredModelVersion extends ModelVersionSummary {
  publishedAt: string;
  publishedBy: string;
  model: AlignmentModel;
}

interface ModelVersionRow {
  version: number;
  hash: string;
  note: string;
  published_at: string;
  published_by: string;
  rollback_of: number | null;
  model?: string;
}

function toSummary(row: ModelVersionRow): ModelVersionSummary & { publishedAt: string; publishedBy: string } {
  return {
    version: row.version,
    hash: row.hash,
    note: row.note,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    rollbackOf: row.rollback_of,
  };
}

const SUMMARY_COLUMNS = 'version, hash, note, published_at, published_by, rollback_of';

/** Version and hash of the live model, without reading the model body (enough for ETag checks). */
export async function latestVersionHead(db: D1Database): Promise<{ version: number; hash: string } | null> {
  return latestVersionHeadStatement(db).first<{ version: number; hash: string }>();
}

/** The same read as a statement, so a lookup can send it in the D1 batch that reads the lead. */
export function latestVersionHeadStatement(db: D1Database): D1PreparedStatement {
  return db.prepare('SELECT version, hash FROM model_versions ORDER BY version DESC LIMIT 1');
}

export async function getModelVersion(db: D1Database, version: number): Promise<StoredModelVersion | null> {
  const row = await db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, model FROM model_versions WHERE version = ?`)
    .bind(version)
    .first<ModelVersionRow>();
  return row ? { ...toSummary(row), model: JSON.parse(row.model ?? 'null') as AlignmentModel } : null;
}

export async function latestModelVersion(db: D1Database): Promise<StoredModelVersion | null> {
  const row = await db
    .prepare(`SELECT ${SUMMARY_COLUMNS}, model FROM model_versions ORDER BY version DESC LIMIT 1`)
    .first<ModelVersionRow>();
  return row ? { ...toSummary(row), model: JSON.parse(row.model ?? 'null') as AlignmentModel } : null;
}

/** Newest first. */
export async function listModelVersions(
  db: D1Database,
  page: { limit: number; before?: number | undefined },
): Promise<ModelVersionSummary[]> {
  const stmt =
    page.before === undefined
      ? db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM model_versions ORDER BY version DESC LIMIT ?`).bind(page.limit)
      : db
          .prepare(`SELECT ${SUMMARY_COLUMNS} FROM model_versions WHERE version < ? ORDER BY version DESC LIMIT ?`)
          .bind(page.before, page.limit);
  const { results } = await stmt.all<ModelVersionRow>();
  return results.map(toSummary);
}

export interface PublishInput {
  model: AlignmentModel;
  hash: string;
  note: string;
  /** The version the caller saw as live (0 when none); the insert only happens if it still is. */
  expectedVersion: number;
  rollbackOf?: number;
  publishId: string;
  at: string;
  caller: Caller;
}

/**
 * Publishes `expectedVersion + 1` only if `expectedVersion` is still the latest, in one
 * transaction with its audit entry. Two racing publishers with the same expectation:
 * exactly one inserts, the other gets `null` (the conditional insert finds a newer max, or
 * the PRIMARY KEY on version rejects it).
 */
export async function publishModelVersion(db: D1Database, input: PublishInput): Promise<ModelVersionSummary | null> {
  const version = input.expectedVersion + 1;
  const insert = db
    .prepare(
      `INSERT INTO model_versions (version, publish_id, model, hash, note, published_at, published_by, published_by_id, rollback_of)
       SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?
       WHERE (SELECT COALESCE(MAX(version), 0) FROM model_versions) = ?`,
    )
    .bind(
      version,
      input.publishId,
      JSON.stringify(input.model),
      input.hash,
      input.note,
      input.at,
      input.caller.name,
      input.caller.id,
      input.rollbackOf ?? null,
      input.expectedVersion,
    );
  // The audit row is written only if this publish won: gated on our own publish_id.
  const audit = auditStatement(
    db,
    {
      caller: input.caller,
      action: input.rollbackOf === undefined ? 'model.publish' : 'model.rollback',
      target: `model:v${version}`,
      detail: { version, hash: input.hash, note: input.note, rollbackOf: input.rollbackOf ?? null },
      at: input.at,
    },
    { sql: 'EXISTS (SELECT 1 FROM model_versions WHERE publish_id = ?)', params: [input.publishId] },
  );
  try {
    const [inserted] = await db.batch([insert, audit]);
    if ((inserted?.meta.changes ?? 0) === 0) return null;
  } catch (error) {
    if (String(error).includes('UNIQUE constraint failed')) return null;
    throw error;
  }
  return {
    version,
    hash: input.hash,
    note: input.note,
    publishedAt: input.at,
    publishedBy: input.caller.name,
    rollbackOf: input.rollbackOf ?? null,
  };
}
