import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/calibration/seededSplit';
import { EVENT_COUNTER_SQL, INSERT_EVENTS_SQL, STUB_HISTORY_SQL } from '../src/db/leadStore';
import { call, createToken } from './helpers';

/**
 * The interest counters (lead_event_counts) and active days (lead_activity_days) are kept by set-based
 * statements once per ingest batch (migration 0006), not by a trigger per row. Whatever mix of batches
 * arrives — repeated ids within a batch, retried batches with and without Idempotency-Key, concurrent
 * batches, rejected rows, stubs for unknown emails — they must equal a recount from the stored events.
 */

interface IngestReport {
  accepted: number;
  duplicates: number;
  leadsCreated: number;
  rejected: { index: number }[];
}

let marketer: string;
const run = crypto.randomUUID().slice(0, 8);
const emails = Array.from({ length: 6 }, (_, i) => `counters.${run}.${i}@example.com`);

beforeAll(async () => {
  marketer = (await createToken('marketer')).token;
  // Four known leads; the other two arrive only through events (stub leads).
  const res = await call('PUT', '/v1/leads', { token: marketer, body: emails.slice(0, 4).map((email) => ({ email })) });
  expect(res.status).toBe(200);
});

const TYPES = ['page_view', 'pricing_view', 'demo_request', 'email_open', 'webinar_attended', 'trial_started'];
const DAY = 86_400_000;
const START = Date.parse('2025-03-01T00:00:00Z');

function makeBatch(next: () => number, batch: number, size: number): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let k = 0; k < size; k++) {
    const roll = next();
    if (roll < 0.05 && rows.length > 0) {
      rows.push({ ...rows[Math.floor(next() * rows.length)] }); // the same id again within the batch
      continue;
    }
    if (roll < 0.08) {
      rows.push({ id: `bad-${batch}-${k}`, email: 'not an email', type: 'page_view', at: 'yesterday' });
      continue;
    }
    // Ids from a small space, so later batches repeat ids stored by earlier ones.
    const id = `ctr-${run}-${Math.floor(next() * 400)}`;
    const email = emails[Math.floor(next() * emails.length)] as string;
    const at = START + Math.floor(next() * 12 * DAY);
    rows.push({
      id,
      email: next() < 0.2 ? email.toUpperCase() : email,
      type: TYPES[Math.floor(next() * TYPES.length)],
      // Some times with an offset: the day is the UTC day of the normalised time.
      at: next() < 0.3 ? new Date(at).toISOString().replace('Z', '+00:00') : new Date(at).toISOString(),
    });
  }
  return rows;
}

async function ingest(body: unknown, key?: string): Promise<IngestReport> {
  const res = await call('POST', '/v1/events', {
    token: marketer,
    body,
    ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as IngestReport;
}

async function leadIds(): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT id FROM leads WHERE email IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(emails))
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

async function rows(sql: string, ids: string[]): Promise<unknown[]> {
  return (await env.DB.prepare(sql).bind(JSON.stringify(ids)).all()).results;
}

describe('event counters kept per batch', () => {
  it('equal a recount from the events after mixed batches, duplicates, retries and concurrent writes', async () => {
    // Deterministic, so a failure replays exactly.
    const next = seededRandom(20260702);
    let accepted = 0;
    const batches = Array.from({ length: 8 }, (_, b) => makeBatch(next, b, 40 + Math.floor(next() * 160)));
    for (const [b, batch] of batches.entries()) {
      const report = await ingest(batch, b % 3 === 0 ? `ctr-${run}-${b}` : undefined);
      accepted += report.accepted;
      if (b % 3 === 0) {
        // A retry with the same key replays the answer; one without a key finds every id stored.
        expect(await ingest(batch, `ctr-${run}-${b}`)).toEqual(report);
        expect((await ingest(batch)).accepted).toBe(0);
      }
    }
    // Concurrent batches that overlap each other and everything before.
    const concurrent = Array.from({ length: 4 }, (_, b) => makeBatch(next, 100 + b, 120));
    for (const report of await Promise.all(concurrent.map((batch) => ingest(batch)))) accepted += report.accepted;

    const ids = await leadIds();
    expect(ids).toHaveLength(emails.length);
    const stored = (
      await rows('SELECT count(*) AS n FROM events WHERE lead_id IN (SELECT value FROM json_each(?1))', ids)
    )[0];
    expect(stored).toEqual({ n: accepted });
    expect(accepted).toBeGreaterThan(100);

    const counters = await rows(
      `SELECT lead_id, type, count FROM lead_event_counts
       WHERE lead_id IN (SELECT value FROM json_each(?1)) ORDER BY lead_id, type`,
      ids,
    );
    const recount = await rows(
      `SELECT lead_id, type, count(*) AS count FROM events
       WHERE lead_id IN (SELECT value FROM json_each(?1)) GROUP BY lead_id, type ORDER BY lead_id, type`,
      ids,
    );
    expect(recount.length).toBeGreaterThan(20);
    expect(counters).toEqual(recount);

    const days = await rows(
      `SELECT day, lead_id, first_at, last_at FROM lead_activity_days
       WHERE lead_id IN (SELECT value FROM json_each(?1)) ORDER BY lead_id, day`,
      ids,
    );
    const recountDays = await rows(
      `SELECT substr(at, 1, 10) AS day, lead_id, min(at) AS first_at, max(at) AS last_at FROM events
       WHERE lead_id IN (SELECT value FROM json_each(?1)) GROUP BY lead_id, substr(at, 1, 10) ORDER BY lead_id, day`,
      ids,
    );
    expect(recountDays.length).toBeGreaterThan(20);
    expect(days).toEqual(recountDays);
  });

  it('erasing a lead removes its active days (found through its events) and leaves other leads alone', async () => {
    const email = `counters.erase.${run}@example.com`;
    const other = `counters.keep.${run}@example.com`;
    await ingest([
      { id: `erase-${run}-1`, email, type: 'page_view', at: '2025-06-01T09:00:00Z' },
      { id: `erase-${run}-2`, email, type: 'page_view', at: '2025-06-02T09:00:00Z' },
      { id: `erase-${run}-3`, email: other, type: 'page_view', at: '2025-06-01T10:00:00Z' },
    ]);
    const [erased, kept] = await Promise.all(
      [email, other].map((e) =>
        env.DB.prepare('SELECT id FROM leads WHERE email = ?1').bind(e).first<{ id: string }>(),
      ),
    );
    const res = await call('DELETE', `/v1/leads/${erased?.id}`);
    expect(res.ok).toBe(true);
    const left = await rows(
      'SELECT lead_id, day FROM lead_activity_days WHERE lead_id IN (SELECT value FROM json_each(?1)) ORDER BY lead_id',
      [erased?.id as string, kept?.id as string],
    );
    expect(left).toEqual([{ lead_id: kept?.id, day: '2025-06-01' }]);
  });

  it('read only the rows a batch inserted (a rowid range), never the whole events table or its indexes', async () => {
    // Per-batch work must not grow with the table: a plan that scans events or one of its indexes (SQLite 3.40
    // chose a scan of events_lead_at for the counts statement) would read every stored event on every batch.
    for (const [name, sql] of Object.entries(EVENT_COUNTER_SQL)) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).all<{ detail: string }>();
      const details = results.map((r) => r.detail);
      expect(details, name).toContain('SEARCH events USING INTEGER PRIMARY KEY (rowid>?)');
      expect(
        details.filter((d) => /\b(SCAN|SEARCH) events\b/.test(d) && !d.includes('rowid>?')),
        name,
      ).toEqual([]);
    }
  });

  it('resolve emails from the covering (email, id) index and find stubs and recent events by index search', async () => {
    const plan = async (sql: string, ...params: unknown[]) =>
      (
        await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .bind(...params)
          .all<{ detail: string }>()
      ).results.map((r) => r.detail);
    // Each event's lead id from the index alone, not from the lead's row (a read at a random place per event).
    expect(await plan(INSERT_EVENTS_SQL, '[]', 'x')).toContain(
      'SEARCH l USING COVERING INDEX leads_email_id (email=?)',
    );
    // The stubs a batch created are a rowid range, not a lookup per stub.
    expect(await plan(STUB_HISTORY_SQL)).toContain('SEARCH leads USING INTEGER PRIMARY KEY (rowid>?)');
    // A lookup's most recent events: the index on (lead_id, at_ms) in order, no sort.
    const recent = await plan(
      'SELECT id, type, at, at_ms, props FROM events WHERE lead_id = ?1 ORDER BY at_ms DESC LIMIT 2000',
      'x',
    );
    expect(recent).toEqual(['SEARCH events USING INDEX events_lead_at_ms (lead_id=?)']);
  });

  it('0007 keeps every interest count when it narrows lead_event_counts, and backfills at_ms', async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0007_'));
    const rebuild = (migration?.queries ?? []).filter((q) => /lead_event_counts/.test(q));
    expect(rebuild).toHaveLength(4);
    const email = `counters.migrate.${run}@example.com`;
    await ingest([{ id: `migrate-${run}-1`, email, type: 'page_view', at: '2025-06-01T09:00:00Z' }]);
    const lead = await env.DB.prepare('SELECT id FROM leads WHERE email = ?1').bind(email).first<{ id: string }>();
    // The table as 0002 made it, with rows, including first_at/last_at that 0007 drops.
    await env.DB.batch([
      env.DB.prepare('DROP TABLE lead_event_counts'),
      env.DB.prepare(
        `CREATE TABLE lead_event_counts (lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
           type TEXT NOT NULL, count INTEGER NOT NULL, first_at TEXT NOT NULL, last_at TEXT NOT NULL,
           PRIMARY KEY (lead_id, type)) WITHOUT ROWID`,
      ),
    ]);
    await env.DB.prepare(
      `INSERT INTO lead_event_counts (lead_id, type, count, first_at, last_at) VALUES
         (?1, 'page_view', 7, '2025-01-01T00:00:00.000Z', '2025-06-01T09:00:00.000Z'),
         (?1, 'demo_request', 2, '2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z')`,
    )
      .bind(lead?.id)
      .run();
    await env.DB.prepare('UPDATE events SET at_ms = NULL WHERE id = ?1').bind(`migrate-${run}-1`).run();

    const backfill = (migration?.queries ?? []).find((q) => q.trimStart().startsWith('UPDATE events'));
    await env.DB.batch([...(backfill ? [backfill] : []), ...rebuild].map((q) => env.DB.prepare(q)));

    const sample = await env.DB.prepare('SELECT * FROM lead_event_counts WHERE lead_id = ?1 LIMIT 1')
      .bind(lead?.id)
      .first();
    expect(Object.keys(sample ?? {})).toEqual(['lead_id', 'type', 'count']);
    const counts = await env.DB.prepare('SELECT type, count FROM lead_event_counts WHERE lead_id = ?1 ORDER BY type')
      .bind(lead?.id)
      .all();
    expect(counts.results).toEqual([
      { type: 'demo_request', count: 2 },
      { type: 'page_view', count: 7 },
    ]);
    const atMs = await env.DB.prepare('SELECT at_ms FROM events WHERE id = ?1').bind(`migrate-${run}-1`).first();
    expect(atMs).toEqual({ at_ms: Date.parse('2025-06-01T09:00:00Z') });
    // Ingestion keeps counting on the rebuilt table.
    await ingest([{ id: `migrate-${run}-2`, email, type: 'demo_request', at: '2025-06-02T09:00:00Z' }]);
    const after = await env.DB.prepare(
      "SELECT count FROM lead_event_counts WHERE lead_id = ?1 AND type = 'demo_request'",
    )
      .bind(lead?.id)
      .first();
    expect(after).toEqual({ count: 3 });
  });
});
