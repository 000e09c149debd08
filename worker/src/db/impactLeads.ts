import type { D1Database } from '@cloudflare/workers-types/2023-07-01';
import type { ImpactLead, ScoringEvent } from '../../../shared';
import { LEAD_COLUMNS, rowToLead, SCORING_EVENT_LIMIT } from './leadStore';
import type { LeadRow } from './mergeLeadUpsert';

/**
 * Bulk reads for comparing two models over the stored leads (`POST /v1/model/preview`).
 * Read-only. Quadrant and suggested stage depend only on a lead's facts and events, so stage
 * history and connect attempts (which feed the SLA clock alone) are not read.
 */

/** Leads per events query: keeps each D1 result well below its size limits. */
export const IMPACT_EVENTS_CHUNK = 500;

interface ImpactEventRow {
  lead_id: string;
  id: string;
  type: string;
  at: string;
  at_ms: number | null;
  props: string | null;
}

/** The most recently updated leads first; `leads_updated_at` (migration 0004) serves the order. */
export const RECENT_LEADS_SQL = `SELECT ${LEAD_COLUMNS} FROM leads ORDER BY updated_at DESC, id DESC LIMIT ?1`;

/** How many leads are stored, and the `limit` most recently updated, in one round trip. */
export async function readRecentLeads(db: D1Database, limit: number): Promise<{ total: number; rows: LeadRow[] }> {
  const [count, leads] = await db.batch([
    db.prepare('SELECT count(*) AS n FROM leads'),
    db.prepare(RECENT_LEADS_SQL).bind(limit),
  ]);
  return {
    total: (count?.results[0] as { n: number } | undefined)?.n ?? 0,
    rows: (leads?.results ?? []) as LeadRow[],
  };
}

/**
 * The leads with their most recent events (at most `SCORING_EVENT_LIMIT` each, as a single lookup
 * reads), in one query for the whole chunk.
 */
export async function readImpactLeads(db: D1Database, rows: LeadRow[]): Promise<ImpactLead[]> {
  if (rows.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT lead_id, id, type, at, at_ms, props FROM (
         SELECT lead_id, id, type, at, at_ms, props, row_number() OVER (PARTITION BY lead_id ORDER BY at_ms DESC) AS n
         FROM events WHERE lead_id IN (SELECT value FROM json_each(?1))
       ) WHERE n <= ?2`,
    )
    .bind(JSON.stringify(rows.map((r) => r.id)), SCORING_EVENT_LIMIT)
    .all<ImpactEventRow>();
  const eventsByLead = new Map<string, ScoringEvent[]>();
  for (const e of results) {
    let list = eventsByLead.get(e.lead_id);
    if (!list) {
      list = [];
      eventsByLead.set(e.lead_id, list);
    }
    list.push({
      id: e.id,
      type: e.type,
      at: e.at,
      ...(e.at_ms !== null ? { atMs: e.at_ms } : {}),
      ...(e.props ? { props: JSON.parse(e.props) } : {}),
    });
  }
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    facts: rowToLead(row),
    events: eventsByLead.get(row.id) ?? [],
  }));
}
