import type { D1Database, D1PreparedStatement, D1Result } from '@cloudflare/workers-types/2023-07-01';
import { type Attempt, type AttemptInput, type Lead, type LeadEvent, parseIsoMs } from '../../../shared';
import { linkedinKey } from './linkedinKey';
import type { LeadRow, LeadUpsertPlan, StageEntry } from './mergeLeadUpsert';
import { toUtcIso } from './mergeLeadUpsert';
import { latestVersionHeadStatement } from './modelVersions';

/**
 * Data access for leads, their events, connect attempts, lifecycle transitions and timeline (D1).
 * Multi-row writes go through `json_each` over one bound JSON parameter, so a batch of 1,000 rows is a
 * handful of statements in one D1 batch: one transaction, durable when `batch()` resolves.
 */

/** D1 caps a bound string at ~2 MB; JSON chunks stay well below. */
const MAX_JSON_CHUNK_BYTES = 900_000;
/** Scoring reads at most this many of a lead's most recent events (older ones have decayed to nothing). */
export const SCORING_EVENT_LIMIT = 2000;
/** The timeline shows this many recent events next to the lead's stages, attempts and transitions. */
const TIMELINE_EVENT_LIMIT = 100;

export interface StoredEvent {
  id: string;
  type: string;
  at: string;
  /** `at` as epoch ms, stored on write so scoring need not parse it (absent for rows older than migration 0005). */
  atMs?: number;
  props?: Record<string, string | number | boolean | null>;
}

/** Everything scoring and the lead views need about one lead, read in one round trip. */
export interface LeadBundle {
  lead: Lead;
  events: StoredEvent[];
  attempts: Attempt[];
  eventCounts: Record<string, number>;
}

export type TimelineEntry =
  | ({ kind: 'stage' } & StageEntry & { by?: string })
  | ({ kind: 'attempt' } & Attempt)
  | ({ kind: 'event' } & StoredEvent);

export const LEAD_COLUMNS = `id, email, name, title, company, domain, industry, employees, country, linkedin_url, linkedin_key,
  source, lead_type, lifecycle_stage, lead_status, owner, attributes, stage_entered_at, created_at, updated_at`;

export function rowToLead(row: LeadRow, history?: StageEntry[]): Lead {
  const lead: Lead = {
    id: row.id,
    email: row.email,
    lifecycleStage: row.lifecycle_stage,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.name !== null) lead.name = row.name;
  if (row.title !== null) lead.title = row.title;
  if (row.company !== null) lead.company = row.company;
  if (row.domain !== null) lead.domain = row.domain;
  if (row.industry !== null) lead.industry = row.industry;
  if (row.employees !== null) lead.employees = row.employees;
  if (row.country !== null) lead.country = row.country;
  if (row.linkedin_url !== null) lead.linkedinUrl = row.linkedin_url;
  if (row.source !== null) lead.source = row.source;
  if (row.lead_type !== null) lead.leadType = row.lead_type;
  if (row.lead_status !== null) lead.leadStatus = row.lead_status;
  if (row.owner !== null) lead.owner = row.owner;
  if (row.attributes !== null) lead.attributes = JSON.parse(row.attributes);
  if (history) lead.stageHistory = history;
  return lead;
}

/** Splits rows into JSON arrays that each fit one bound parameter. */
function jsonChunks(rows: unknown[]): string[] {
  const chunks: string[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (parts.length > 0 && size + json.length + 1 > MAX_JSON_CHUNK_BYTES) {
      chunks.push(`[${parts.join(',')}]`);
      parts = [];
      size = 2;
    }
    parts.push(json);
    size += json.length + 1;
  }
  if (parts.length > 0) chunks.push(`[${parts.join(',')}]`);
  return chunks;
}

// ---------------------------------------------------------------- leads

/** Stored leads whose email or id is among those given (one query, however many rows). */
export async function findLeadRows(db: D1Database, emails: string[], ids: string[] = []): Promise<LeadRow[]> {
  if (emails.length === 0 && ids.length === 0) return [];
  const { results } = await db
    .prepare(
      `SELECT ${LEAD_COLUMNS} FROM leads WHERE email IN (SELECT value FROM json_each(?1))
       UNION SELECT ${LEAD_COLUMNS} FROM leads WHERE id IN (SELECT value FROM json_each(?2))`,
    )
    .bind(JSON.stringify(emails), JSON.stringify(ids))
    .all<LeadRow>();
  return results;
}

/**
 * Writes merged upserts and their stage history in one D1 batch. Returns the stored id per email (a lead
 * created concurrently by another request keeps its id; ON CONFLICT turns our insert into an update).
 */
export async function writeLeadUpserts(db: D1Database, plans: LeadUpsertPlan[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (plans.length === 0) return ids;
  const statements: D1PreparedStatement[] = [];
  for (const chunk of jsonChunks(plans.map((p) => p.row))) {
    statements.push(
      db
        .prepare(
          `INSERT INTO leads (${LEAD_COLUMNS})
           SELECT j.value->>'id', j.value->>'email', j.value->>'name', j.value->>'title', j.value->>'company',
             j.value->>'domain', j.value->>'industry', j.value->>'employees', j.value->>'country',
             j.value->>'linkedin_url', j.value->>'linkedin_key', j.value->>'source', j.value->>'lead_type',
             j.value->>'lifecycle_stage', j.value->>'lead_status', j.value->>'owner', j.value->>'attributes',
             j.value->>'stage_entered_at', j.value->>'created_at', j.value->>'updated_at'
           FROM json_each(?1) AS j WHERE true
           ON CONFLICT (email) DO UPDATE SET
             name = coalesce(excluded.name, name), title = coalesce(excluded.title, title),
             company = coalesce(excluded.company, company), domain = coalesce(excluded.domain, domain),
             industry = coalesce(excluded.industry, industry), employees = coalesce(excluded.employees, employees),
             country = coalesce(excluded.country, country), linkedin_url = coalesce(excluded.linkedin_url, linkedin_url),
             linkedin_key = coalesce(excluded.linkedin_key, linkedin_key), source = coalesce(excluded.source, source),
             lead_type = coalesce(excluded.lead_type, lead_type), lead_status = coalesce(excluded.lead_status, lead_status),
             owner = coalesce(excluded.owner, owner), attributes = excluded.attributes,
             lifecycle_stage = excluded.lifecycle_stage, stage_entered_at = excluded.stage_entered_at,
             updated_at = excluded.updated_at
           RETURNING id, email`,
        )
        .bind(chunk),
    );
  }
  const historyRows = plans.flatMap((p) => p.history.map((h) => ({ email: p.row.email, ...h })));
  for (const chunk of jsonChunks(historyRows)) {
    statements.push(
      db
        .prepare(
          `INSERT OR IGNORE INTO lead_stage_history (lead_id, stage, at, from_stage, status, reason, transition_id)
           SELECT l.id, h.value->>'stage', h.value->>'at', h.value->>'from', h.value->>'status', h.value->>'reason',
             h.value->>'transition'
           FROM json_each(?1) AS h CROSS JOIN leads AS l ON l.email = h.value->>'email'`,
        )
        .bind(chunk),
    );
  }
  const results = await db.batch<{ id: string; email: string }>(statements);
  for (const result of results) {
    for (const row of result.results ?? []) if (row.id && row.email) ids.set(row.email, row.id);
  }
  return ids;
}

const HISTORY_COLUMNS = 'stage, at, from_stage, status, reason, transition_id, by';

interface HistoryRow {
  stage: string;
  at: string;
  from_stage: string | null;
  status: string | null;
  reason: string | null;
  transition_id: string | null;
  by: string | null;
}

function toStageEntry(row: HistoryRow): StageEntry {
  return {
    stage: row.stage,
    at: row.at,
    ...(row.from_stage !== null ? { from: row.from_stage } : {}),
    ...(row.status !== null ? { status: row.status } : {}),
    ...(row.reason !== null ? { reason: row.reason } : {}),
    ...(row.transition_id !== null ? { transition: row.transition_id } : {}),
  };
}

function bundleStatements(db: D1Database, leadWhere: string, key: string): D1PreparedStatement[] {
  const leadId = `(SELECT id FROM leads WHERE ${leadWhere} ORDER BY updated_at DESC LIMIT 1)`;
  return [
    db.prepare(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ${leadId}`).bind(key),
    db
      .prepare(`SELECT ${HISTORY_COLUMNS} FROM lead_stage_history WHERE lead_id = ${leadId} ORDER BY at, stage`)
      .bind(key),
    db
      // events_lead_at_ms (migration 0007): the epoch ms orders a lead's events as their ISO text does.
      .prepare(`SELECT id, type, at, at_ms, props FROM events WHERE lead_id = ${leadId} ORDER BY at_ms DESC LIMIT ?2`)
      .bind(key, SCORING_EVENT_LIMIT),
    db
      .prepare(
        `SELECT id, lead_id, channel, outcome, note, at, by FROM lead_attempts WHERE lead_id = ${leadId} ORDER BY at`,
      )
      .bind(key),
    db.prepare(`SELECT type, count FROM lead_event_counts WHERE lead_id = ${leadId}`).bind(key),
  ];
}

interface EventRow {
  id: string;
  type: string;
  at: string;
  /** Absent when a read does not select it (the timeline is not scored), null on rows not backfilled. */
  at_ms?: number | null;
  props: string | null;
}
interface AttemptRow {
  id: string;
  lead_id: string;
  channel: string;
  outcome: string;
  note: string | null;
  at: string;
  by: string | null;
}

function toEvent(row: EventRow): StoredEvent {
  return {
    id: row.id,
    type: row.type,
    at: row.at,
    ...(typeof row.at_ms === 'number' ? { atMs: row.at_ms } : {}),
    ...(row.props ? { props: JSON.parse(row.props) } : {}),
  };
}

function toAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    leadId: row.lead_id,
    channel: row.channel as Attempt['channel'],
    outcome: row.outcome as Attempt['outcome'],
    at: row.at,
    ...(row.note !== null ? { note: row.note } : {}),
    ...(row.by !== null ? { by: row.by } : {}),
  };
}

async function readBundle(db: D1Database, leadWhere: string, key: string): Promise<LeadBundle | undefined> {
  return (await readBundleAndModelHead(db, leadWhere, key)).bundle;
}

export type ModelHead = { version: number; hash: string } | null;

/** A lead's bundle and the live model's head in one D1 round trip (what a lookup needs to score). */
async function readBundleAndModelHead(
  db: D1Database,
  leadWhere: string,
  key: string,
  withModelHead = false,
): Promise<{ bundle: LeadBundle | undefined; modelHead: ModelHead }> {
  const statements = bundleStatements(db, leadWhere, key);
  if (withModelHead) statements.push(latestVersionHeadStatement(db));
  const [leads, history, events, attempts, counts, head] = await db.batch(statements);
  const modelHead = ((head?.results ?? [])[0] as { version: number; hash: string } | undefined) ?? null;
  const bundle = toBundle(leads, history, events, attempts, counts);
  return { bundle, modelHead };
}

function toBundle(
  leads: D1Result | undefined,
  history: D1Result | undefined,
  events: D1Result | undefined,
  attempts: D1Result | undefined,
  counts: D1Result | undefined,
): LeadBundle | undefined {
  const row = (leads?.results as LeadRow[] | undefined)?.[0];
  if (!row) return undefined;
  const eventCounts: Record<string, number> = {};
  for (const c of (counts?.results ?? []) as { type: string; count: number }[]) eventCounts[c.type] = c.count;
  return {
    lead: rowToLead(row, ((history?.results ?? []) as HistoryRow[]).map(toStageEntry)),
    events: ((events?.results ?? []) as EventRow[]).map(toEvent),
    attempts: ((attempts?.results ?? []) as AttemptRow[]).map(toAttempt),
    eventCounts,
  };
}

export function findLeadBundleByEmail(db: D1Database, email: string): Promise<LeadBundle | undefined> {
  return readBundle(db, 'email = ?1', email.trim().toLowerCase());
}

export function findLeadBundleById(db: D1Database, id: string): Promise<LeadBundle | undefined> {
  return readBundle(db, 'id = ?1', id);
}

/** A lookup's reads: the lead by email or LinkedIn URL, and the live model's head, in one D1 batch. */
export function findLeadForLookup(
  db: D1Database,
  by: { email: string } | { linkedin: string },
): Promise<{ bundle: LeadBundle | undefined; modelHead: ModelHead }> {
  if ('email' in by) return readBundleAndModelHead(db, 'email = ?1', by.email.trim().toLowerCase(), true);
  const key = linkedinKey(by.linkedin);
  // Not a profile URL: no lead can match, and without a lead nothing is scored.
  if (!key) return Promise.resolve({ bundle: undefined, modelHead: null });
  return readBundleAndModelHead(db, 'linkedin_key = ?1', key, true);
}

export async function findLeadRowById(db: D1Database, id: string): Promise<LeadRow | undefined> {
  return (await db.prepare(`SELECT ${LEAD_COLUMNS} FROM leads WHERE id = ?1`).bind(id).first<LeadRow>()) ?? undefined;
}

/** Erases a lead and everything recorded about it (GDPR erasure). Returns how many rows went per kind. */
export async function deleteLead(
  db: D1Database,
  id: string,
): Promise<{ leads: number; events: number; attempts: number; stageHistory: number } | undefined> {
  // Children first and explicitly, so the counts are reported and nothing depends on cascade settings.
  const [, events, attempts, history, , leads] = await db.batch([
    // Before the events: they name the lead's active days (the days table is keyed by day, then lead).
    db
      .prepare(
        `DELETE FROM lead_activity_days WHERE lead_id = ?1
         AND day IN (SELECT DISTINCT substr(at, 1, 10) FROM events WHERE lead_id = ?1)`,
      )
      .bind(id),
    db.prepare('DELETE FROM events WHERE lead_id = ?1').bind(id),
    db.prepare('DELETE FROM lead_attempts WHERE lead_id = ?1').bind(id),
    db.prepare('DELETE FROM lead_stage_history WHERE lead_id = ?1').bind(id),
    db.prepare('DELETE FROM lead_event_counts WHERE lead_id = ?1').bind(id),
    db.prepare('DELETE FROM leads WHERE id = ?1').bind(id),
    // Stored answers to keyed retries (idempotency.ts) may quote the lead (an attempt, a transition).
    db.prepare('DELETE FROM idempotency_keys WHERE instr(body, ?1) > 0').bind(JSON.stringify(id)),
  ]);
  const deleted = leads?.meta.changes ?? 0;
  if (deleted === 0) return undefined;
  return {
    leads: deleted,
    events: events?.meta.changes ?? 0,
    attempts: attempts?.meta.changes ?? 0,
    stageHistory: history?.meta.changes ?? 0,
  };
}

// ---------------------------------------------------------------- events

// The rows this batch inserted are a rowid range. NOT INDEXED pins that plan: the SQLite in workerd/D1 picks it
// by itself, but SQLite 3.40 plans the counts statement as a scan of all of the (lead_id, at…) index filtered on rowid
// (to skip a sort for its GROUP BY), which reads the whole index on every batch (~200 ms per batch at 1 M events).
const INGESTED_EVENTS =
  'FROM events NOT INDEXED WHERE rowid > (SELECT last_rowid FROM events_ingest_mark WHERE id = 1)';

/** The per-batch counter statements of `ingestEvents` (exported so a test can check their query plans). */
export const EVENT_COUNTER_SQL = {
  counts: `INSERT INTO lead_event_counts (lead_id, type, count)
    SELECT lead_id, type, count(*) ${INGESTED_EVENTS} GROUP BY lead_id, type
    ON CONFLICT (lead_id, type) DO UPDATE SET count = count + excluded.count`,
  activityDays: `INSERT INTO lead_activity_days (day, lead_id, first_at, last_at)
    SELECT substr(at, 1, 10), lead_id, min(at), max(at) ${INGESTED_EVENTS} GROUP BY substr(at, 1, 10), lead_id
    ON CONFLICT (day, lead_id) DO UPDATE SET
      first_at = min(first_at, excluded.first_at),
      last_at = max(last_at, excluded.last_at)`,
} as const;

/**
 * A batch's events (a JSON chunk in ?1), with their lead ids. Inserted in events_lead_at_ms order, so each index
 * page a batch touches is written once (halved the statement's time at 100,000 leads); the rowid order of the
 * new rows does not matter to anything. INDEXED BY: the planner prefers the unique email index, which then reads
 * each lead's whole row for its id; leads_email_id (migration 0007) answers the email → id join from the index.
 */
export const INSERT_EVENTS_SQL = `INSERT OR IGNORE INTO events (id, lead_id, type, at, at_ms, props, received_at)
  SELECT e.value->>'id', l.id, e.value->>'type', e.value->>'at', e.value->>'atMs', e.value->>'props', ?2
  FROM json_each(?1) AS e CROSS JOIN leads AS l INDEXED BY leads_email_id ON l.email = e.value->>'email'
  ORDER BY l.id, e.value->>'atMs'`;

/** First stage-history entries of the stub leads an ingest batch created (the leads rowids above the mark). */
export const STUB_HISTORY_SQL = `INSERT OR IGNORE INTO lead_stage_history (lead_id, stage, at)
  SELECT id, lifecycle_stage, stage_entered_at FROM leads
  WHERE rowid > (SELECT last_lead_rowid FROM events_ingest_mark WHERE id = 1)`;

export interface IngestResult {
  accepted: number;
  duplicates: number;
  leadsCreated: number;
}

/**
 * Stores events idempotently on their id. An event for an email with no lead creates a stub lead in
 * `stubStage` (marketing automation often reports behaviour before the CRM sync sends the record), so no
 * behaviour is lost; the stub's stage starts at its earliest event.
 */
export async function ingestEvents(
  db: D1Database,
  events: LeadEvent[],
  options: { stubStage: string; now: string },
): Promise<IngestResult> {
  if (events.length === 0) return { accepted: 0, duplicates: 0, leadsCreated: 0 };
  const firstAtByEmail = new Map<string, string>();
  // An id repeated within the batch is stored once, as its first occurrence; dropping the repeats here
  // lets the insert below run in index order without changing which occurrence wins.
  const seenIds = new Set<string>();
  const rows = events.flatMap((e) => {
    const at = toUtcIso(e.at);
    const first = firstAtByEmail.get(e.email);
    if (first === undefined || at < first) firstAtByEmail.set(e.email, at);
    if (seenIds.has(e.id)) return [];
    seenIds.add(e.id);
    // at_ms is parsed from the stored text with the engine's own parser, so scores match with or without it.
    return {
      id: e.id,
      email: e.email,
      type: e.type,
      at,
      atMs: parseIsoMs(at),
      props: e.props ? JSON.stringify(e.props) : null,
    };
  });
  const stubs = [...firstAtByEmail].map(([email, at]) => ({ id: crypto.randomUUID(), email, at }));
  // The rows above these marks are the ones this batch inserts (D1 runs a batch as one transaction): the
  // events the counters aggregate and the stub leads that get a first stage-history entry.
  const statements: D1PreparedStatement[] = [
    db.prepare(
      `INSERT INTO events_ingest_mark (id, last_rowid, last_lead_rowid)
       SELECT 1, (SELECT coalesce(max(rowid), 0) FROM events), (SELECT coalesce(max(rowid), 0) FROM leads) WHERE true
       ON CONFLICT (id) DO UPDATE SET last_rowid = excluded.last_rowid, last_lead_rowid = excluded.last_lead_rowid`,
    ),
  ];
  const stubsStart = statements.length;
  for (const chunk of jsonChunks(stubs)) {
    statements.push(
      db
        .prepare(
          `INSERT OR IGNORE INTO leads (id, email, lifecycle_stage, stage_entered_at, created_at, updated_at)
           SELECT s.value->>'id', s.value->>'email', ?2, s.value->>'at', s.value->>'at', ?3 FROM json_each(?1) AS s
           WHERE NOT EXISTS (SELECT 1 FROM leads AS known WHERE known.email = s.value->>'email')
           RETURNING id, stage_entered_at`,
        )
        .bind(chunk, options.stubStage, options.now),
    );
  }
  const eventsStart = statements.length;
  for (const chunk of jsonChunks(rows)) {
    statements.push(db.prepare(INSERT_EVENTS_SQL).bind(chunk, options.now));
  }
  const eventsEnd = statements.length;
  // Interest counters and active days, once per batch over the rows just inserted (ignored duplicates are
  // not above the mark, so retries count nothing twice). Set-based in key order instead of a trigger per
  // row: this was most of the page writes of an ingest.
  statements.push(db.prepare(EVENT_COUNTER_SQL.counts), db.prepare(EVENT_COUNTER_SQL.activityDays));
  // Stubs get their first stage in the history, like any lead: the leads this batch created are the rowids
  // above the mark (a range search; looking each stub id up again was ~10 % of a batch's time).
  statements.push(db.prepare(STUB_HISTORY_SQL));
  const results = await db.batch(statements);
  let leadsCreated = 0;
  let accepted = 0;
  for (let i = stubsStart; i < eventsStart; i++) leadsCreated += results[i]?.results?.length ?? 0;
  // No trigger writes on events any more, so `changes` is exactly the rows inserted (no RETURNING rows to ship).
  for (let i = eventsStart; i < eventsEnd; i++) accepted += results[i]?.meta.changes ?? 0;
  return { accepted, duplicates: events.length - accepted, leadsCreated };
}

// ---------------------------------------------------------------- attempts, transitions, timeline

/** Stores a connect attempt and, when given, the lead status it implies (e.g. attempting contact), together. */
export async function insertAttempt(
  db: D1Database,
  leadId: string,
  input: AttemptInput & { at: string },
  options: { by?: string; now: string; setStatus?: string | undefined },
): Promise<Attempt> {
  const attempt: Attempt = {
    id: crypto.randomUUID(),
    leadId,
    channel: input.channel,
    outcome: input.outcome,
    at: toUtcIso(input.at),
    ...(input.note !== undefined ? { note: input.note } : {}),
    ...(options.by !== undefined ? { by: options.by } : {}),
  };
  const statements = [
    db
      .prepare(
        `INSERT INTO lead_attempts (id, lead_id, channel, outcome, note, at, by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
      )
      .bind(
        attempt.id,
        leadId,
        attempt.channel,
        attempt.outcome,
        input.note ?? null,
        attempt.at,
        options.by ?? null,
        options.now,
      ),
  ];
  if (options.setStatus !== undefined) {
    statements.push(
      db
        .prepare('UPDATE leads SET lead_status = ?2, updated_at = ?3 WHERE id = ?1')
        .bind(leadId, options.setStatus, options.now),
    );
  }
  await db.batch(statements);
  return attempt;
}

/**
 * Stores the outcome of a lifecycle transition (from the shared `applyTransition`): the lead's stage and
 * status, and the history entry that records from where, why and by whom, in one transaction.
 * The update is conditional on the lead still being where the transition was computed from
 * (`expected`), so of two racing moves only one applies; the history entry and the `also` statements
 * (audit) run only when it did (`changes() = 1`, evaluated inside the batch's transaction).
 * Returns false when the lead had moved meanwhile: nothing was written.
 */
export async function saveTransition(
  db: D1Database,
  leadId: string,
  entry: StageEntry,
  options: {
    stage: string;
    status: string | undefined;
    expected: { stage: string; status: string | undefined };
    by: string;
    now: string;
    also?: D1PreparedStatement[];
  },
): Promise<boolean> {
  const at = toUtcIso(entry.at);
  const [update] = await db.batch([
    db
      .prepare(
        `UPDATE leads SET lifecycle_stage = ?2, lead_status = coalesce(?3, lead_status),
           stage_entered_at = CASE WHEN lifecycle_stage = ?2 THEN stage_entered_at ELSE ?4 END, updated_at = ?5
         WHERE id = ?1 AND lifecycle_stage = ?6 AND lead_status IS ?7`,
      )
      .bind(
        leadId,
        options.stage,
        options.status ?? null,
        at,
        options.now,
        options.expected.stage,
        options.expected.status ?? null,
      ),
    db
      .prepare(
        `INSERT OR REPLACE INTO lead_stage_history (lead_id, stage, at, from_stage, status, reason, transition_id, by)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE changes() = 1`,
      )
      .bind(
        leadId,
        entry.stage,
        at,
        entry.from ?? null,
        entry.status ?? null,
        entry.reason ?? null,
        entry.transition ?? null,
        options.by,
      ),
    ...(options.also ?? []),
  ]);
  return (update?.meta.changes ?? 0) === 1;
}

/**
 * One pipeline per lead: stage entries, transitions (with return reasons), connect attempts and the most
 * recent events, oldest first. Entries at the same instant keep a stable order by kind.
 */
export async function readTimeline(db: D1Database, leadId: string): Promise<TimelineEntry[]> {
  const [history, attempts, events] = await db.batch([
    db.prepare(`SELECT ${HISTORY_COLUMNS} FROM lead_stage_history WHERE lead_id = ?1`).bind(leadId),
    db.prepare('SELECT id, lead_id, channel, outcome, note, at, by FROM lead_attempts WHERE lead_id = ?1').bind(leadId),
    db
      .prepare('SELECT id, type, at, props FROM events WHERE lead_id = ?1 ORDER BY at_ms DESC LIMIT ?2')
      .bind(leadId, TIMELINE_EVENT_LIMIT),
  ]);
  const kindOrder = { stage: 0, attempt: 1, event: 2 } as const;
  const entries: TimelineEntry[] = [
    ...((history?.results ?? []) as HistoryRow[]).map((h) => ({
      kind: 'stage' as const,
      ...toStageEntry(h),
      ...(h.by !== null ? { by: h.by } : {}),
    })),
    ...((attempts?.results ?? []) as AttemptRow[]).map((a) => ({ kind: 'attempt' as const, ...toAttempt(a) })),
    ...((events?.results ?? []) as EventRow[]).map((e) => ({ kind: 'event' as const, ...toEvent(e) })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : kindOrder[a.kind] - kindOrder[b.kind]));
}
