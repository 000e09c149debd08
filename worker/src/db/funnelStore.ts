import type { D1Database } from '@cloudflare/workers-types/2023-07-01';
import type { FunnelLeadInput } from '../../../shared';

/**
 * Reads what the shared `funnelMetrics` needs from D1, in one batch of whole-table range reads
 * (no per-lead queries): leads created before the period end with their segment fields, stage
 * history, connect attempts, returns/disqualifications with reasons, and — from the per-day activity
 * table the events trigger keeps — one activity instant in the period per active lead.
 */
export interface FunnelLeadRow {
  lead: FunnelLeadInput;
  /** Title, for persona segments (matched by the caller with the live model). */
  title: string | null;
}

export interface FunnelPeriod {
  from?: string | undefined;
  to?: string | undefined;
  now: string;
  /** Stage whose entry starts the SLA clock (the lead became hot / was handed off). */
  clockStages: readonly string[];
  /** Lead statuses that mean sales gave the lead back (returned, disqualified). */
  rejectionStatuses: readonly string[];
}

interface LeadRow {
  id: string;
  created_at: string;
  source: string | null;
  industry: string | null;
  lead_type: string | null;
  title: string | null;
}

interface HistoryRow {
  lead_id: string;
  stage: string;
  at: string;
  status: string | null;
  reason: string | null;
}

export async function loadFunnelLeads(db: D1Database, period: FunnelPeriod): Promise<FunnelLeadRow[]> {
  const end = period.to !== undefined && period.to < period.now ? period.to : period.now;
  const from = period.from ?? '0000';
  const [leads, history, attempts, activity] = await db.batch([
    db.prepare('SELECT id, created_at, source, industry, lead_type, title FROM leads WHERE created_at <= ?1').bind(end),
    db
      .prepare('SELECT lead_id, stage, at, status, reason FROM lead_stage_history WHERE at <= ?1 ORDER BY lead_id, at')
      .bind(period.now),
    db.prepare('SELECT lead_id, at FROM lead_attempts WHERE at <= ?1').bind(period.now),
    // Day rows that overlap the period; `first_at` or `last_at` inside it stands for the lead's activity.
    db
      .prepare(
        `SELECT lead_id, min(CASE WHEN first_at >= ?2 THEN first_at ELSE last_at END) AS at FROM lead_activity_days
         WHERE day >= substr(?2, 1, 10) AND day <= substr(?1, 1, 10) AND last_at >= ?2 AND first_at < ?1
         GROUP BY lead_id`,
      )
      .bind(end, from),
  ]);
  const byId = new Map<string, FunnelLeadRow>();
  for (const row of (leads?.results ?? []) as LeadRow[]) {
    const lead: FunnelLeadInput = { id: row.id, createdAt: row.created_at, stageHistory: [] };
    if (row.source !== null) lead.source = row.source;
    if (row.industry !== null) lead.industry = row.industry;
    if (row.lead_type !== null) lead.leadType = row.lead_type;
    byId.set(row.id, { lead, title: row.title });
  }
  const clock = new Set(period.clockStages);
  const rejecting = new Set(period.rejectionStatuses);
  for (const h of (history?.results ?? []) as HistoryRow[]) {
    const target = byId.get(h.lead_id)?.lead;
    if (!target) continue;
    target.stageHistory.push({ stage: h.stage, at: h.at });
    // Rows are in time order per lead, so the first clock-stage entry is when the SLA clock started.
    if (clock.has(h.stage) && target.hotAt === undefined) target.hotAt = h.at;
    if (h.status !== null && rejecting.has(h.status) && h.reason) {
      target.rejections = [...(target.rejections ?? []), { at: h.at, reason: h.reason }];
    }
  }
  for (const a of (attempts?.results ?? []) as { lead_id: string; at: string }[]) {
    const target = byId.get(a.lead_id)?.lead;
    if (!target) continue;
    if (target.attempts) target.attempts.push({ at: a.at });
    else target.attempts = [{ at: a.at }];
  }
  for (const a of (activity?.results ?? []) as { lead_id: string; at: string }[]) {
    const target = byId.get(a.lead_id)?.lead;
    if (target) target.activities = [{ at: a.at }];
  }
  return [...byId.values()];
}
