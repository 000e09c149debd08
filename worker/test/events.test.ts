import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_EVENT_BATCH_ROWS } from '../src/batch';
import { findLeadBundleByEmail } from '../src/db/leadStore';
import { call, createToken, expectProblem } from './helpers';

interface IngestReport {
  accepted: number;
  duplicates: number;
  leadsCreated: number;
  rejected: { index: number; errors: { path: string; message: string }[] }[];
}

const unique = () => crypto.randomUUID().slice(0, 8);
let marketer: string;
let rep: string;

beforeAll(async () => {
  marketer = (await createToken('marketer')).token;
  rep = (await createToken('rep')).token;
});

async function ingest(body: unknown): Promise<{ status: number; report: IngestReport }> {
  const res = await call('POST', '/v1/events', { token: marketer, body });
  return { status: res.status, report: (await res.json()) as IngestReport };
}

async function storedEventCount(prefix: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM events WHERE id LIKE ?1')
    .bind(`${prefix}%`)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

describe('POST /v1/events', () => {
  it('is idempotent on event id: a retried batch counts nothing twice, counters stay exact', async () => {
    const email = `events.${unique()}@example.com`;
    await call('PUT', '/v1/leads', { token: marketer, body: [{ email }] });
    const prefix = `evt-${unique()}-`;
    const batch = [
      { id: `${prefix}1`, email, type: 'page_view', at: '2025-04-01T10:00:00Z' },
      {
        id: `${prefix}2`,
        email: email.toUpperCase(),
        type: 'pricing_view',
        at: '2025-04-01T10:05:00+02:00',
        props: { path: '/pricing' },
      },
      { id: `${prefix}3`, email, type: 'page_view', at: '2025-04-02T10:00:00Z' },
    ];
    expect(await ingest(batch)).toEqual({
      status: 200,
      report: { accepted: 3, duplicates: 0, leadsCreated: 0, rejected: [] },
    });
    expect(await ingest(batch)).toEqual({
      status: 200,
      report: { accepted: 0, duplicates: 3, leadsCreated: 0, rejected: [] },
    });
    // A partly new retry: only the new event is stored; an id repeated within one batch counts once.
    const next = [
      ...batch,
      { id: `${prefix}4`, email, type: 'demo_request', at: '2025-04-03T00:00:00Z' },
      { id: `${prefix}4`, email, type: 'demo_request', at: '2025-04-03T00:00:00Z' },
    ];
    expect((await ingest(next)).report).toMatchObject({ accepted: 1, duplicates: 4 });
    expect(await storedEventCount(prefix)).toBe(4);

    const lead = await env.DB.prepare('SELECT id FROM leads WHERE email = ?1').bind(email).first<{ id: string }>();
    const counts = await env.DB.prepare('SELECT type, count FROM lead_event_counts WHERE lead_id = ?1 ORDER BY type')
      .bind(lead?.id)
      .all();
    expect(counts.results).toEqual([
      { type: 'demo_request', count: 1 },
      { type: 'page_view', count: 2 },
      { type: 'pricing_view', count: 1 },
    ]);
    const days = await env.DB.prepare('SELECT day FROM lead_activity_days WHERE lead_id = ?1 ORDER BY day')
      .bind(lead?.id)
      .all();
    expect(days.results).toEqual([{ day: '2025-04-01' }, { day: '2025-04-02' }, { day: '2025-04-03' }]);
  });

  it('stores unknown lowercase types and creates a subscriber stub for an unknown email', async () => {
    const email = `Stub.${unique()}@Example.com`;
    const prefix = `stub-${unique()}-`;
    const { report } = await ingest([
      { id: `${prefix}1`, email, type: 'trial_started', at: '2025-05-02T00:00:00Z' },
      { id: `${prefix}2`, email, type: 'page_view', at: '2025-05-01T00:00:00Z' },
    ]);
    expect(report).toEqual({ accepted: 2, duplicates: 0, leadsCreated: 1, rejected: [] });
    const res = await call('GET', `/v1/leads/lookup?email=${encodeURIComponent(email)}`, { token: rep });
    const body = (await res.json()) as { lead: { lifecycleStage: string; createdAt: string; stageHistory: unknown[] } };
    expect(body.lead).toMatchObject({
      lifecycleStage: 'subscriber',
      createdAt: '2025-05-01T00:00:00.000Z',
      stageHistory: [{ stage: 'subscriber', at: '2025-05-01T00:00:00.000Z' }],
    });
    const types = await env.DB.prepare('SELECT type FROM events WHERE id LIKE ?1 ORDER BY type')
      .bind(`${prefix}%`)
      .all();
    expect(types.results).toEqual([{ type: 'page_view' }, { type: 'trial_started' }]);
  });

  it('reports invalid rows by index and path and stores nothing for them', async () => {
    const email = `mixed.${unique()}@example.com`;
    const prefix = `mixed-${unique()}-`;
    const { status, report } = await ingest([
      { id: `${prefix}ok`, email, type: 'email_open', at: '2025-06-01T00:00:00Z' },
      { id: `${prefix}bad-type`, email, type: 'Page View', at: '2025-06-01T00:00:00Z' },
      { id: `${prefix}bad-at`, email, type: 'page_view', at: 'yesterday' },
      { id: `${prefix}bad-email`, email: 'nope', type: 'page_view', at: '2025-06-01T00:00:00Z' },
    ]);
    expect(status).toBe(200);
    expect(report.accepted).toBe(1);
    expect(report.rejected.map((r) => [r.index, r.errors.map((e) => e.path)])).toEqual([
      [1, ['1.type']],
      [2, ['2.at']],
      [3, ['3.email']],
    ]);
    expect(await storedEventCount(prefix)).toBe(1);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM leads WHERE email = ?1').bind('nope').first('n')).toBe(0);
  });

  it('answers 400 when no row is valid, 400 over MAX_EVENT_BATCH_ROWS rows, and needs the marketer role', async () => {
    const prefix = `none-${unique()}-`;
    const problem = await expectProblem(
      await call('POST', '/v1/events', {
        token: marketer,
        body: [{ id: `${prefix}1`, email: 'x@example.com', type: 'page_view' }],
      }),
      400,
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['0.at']);
    expect(problem).toMatchObject({ accepted: 0, duplicates: 0 });
    const many = Array.from({ length: MAX_EVENT_BATCH_ROWS + 1 }, (_, i) => ({
      id: `${prefix}m${i}`,
      email: 'x@example.com',
      type: 'page_view',
      at: '2025-01-01T00:00:00Z',
    }));
    expect(
      (await expectProblem(await call('POST', '/v1/events', { token: marketer, body: many }), 400)).detail,
    ).toContain(String(MAX_EVENT_BATCH_ROWS));
    expect(await storedEventCount(prefix)).toBe(0);
    // A full batch is one transaction: every row stored, none twice when it is sent again.
    const full = many.slice(0, MAX_EVENT_BATCH_ROWS);
    const first = await call('POST', '/v1/events', { token: marketer, body: full });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: MAX_EVENT_BATCH_ROWS, duplicates: 0, rejected: [] });
    const again = await call('POST', '/v1/events', { token: marketer, body: full });
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: MAX_EVENT_BATCH_ROWS });
    expect(await storedEventCount(prefix)).toBe(MAX_EVENT_BATCH_ROWS);
    await expectProblem(await call('POST', '/v1/events', { token: rep, body: [] }), 403);
    await expectProblem(
      await call('POST', '/v1/events', {
        token: marketer,
        rawBody: '[{',
        headers: { 'Content-Type': 'application/json' },
      }),
      400,
    );
  });

  it('lets recent behaviour drive the score of a stored lead', async () => {
    const email = `hot.${unique()}@finbank.example.jp`;
    await call('PUT', '/v1/leads', {
      token: marketer,
      body: [{ email, title: 'CIO', industry: 'banking', employees: 20000, country: 'JP', lifecycleStage: 'mql' }],
    });
    const before = (await (await call('GET', `/v1/leads/lookup?email=${email}`, { token: rep })).json()) as {
      score: { quadrant: string };
    };
    expect(before.score.quadrant).toBe('nurture');
    const now = Date.now();
    const prefix = `hot-${unique()}-`;
    await ingest(
      ['demo_request', 'pricing_view', 'pricing_view', 'form_submit'].map((type, i) => ({
        id: `${prefix}${i}`,
        email,
        type,
        at: new Date(now - (i + 1) * 3_600_000).toISOString(),
      })),
    );
    const after = (await (await call('GET', `/v1/leads/lookup?email=${email}`, { token: rep })).json()) as {
      score: { quadrant: string; interest: number; sla?: { met: boolean; breached: boolean } };
    };
    expect(after.score.quadrant).toBe('hot');
    expect(after.score.interest).toBeGreaterThanOrEqual(50);
    expect(after.score.sla).toMatchObject({ met: false });
  });

  it('stores each event time as epoch ms once (at_ms), reads it back for scoring, and 0005 backfills it alike', async () => {
    const email = `atms.${unique()}@example.com`;
    const prefix = `atms-${unique()}-`;
    const times = [
      '2025-04-01T10:00:00Z',
      '2025-04-01T10:05:00.5+02:00',
      '2024-02-29T23:59:59.999Z',
      '1969-12-31T23:59:59.001Z',
    ];
    await ingest(times.map((at, i) => ({ id: `${prefix}${i}`, email, type: 'page_view', at })));
    const stored = async () =>
      (
        await env.DB.prepare('SELECT id, at, at_ms FROM events WHERE id LIKE ?1 ORDER BY id')
          .bind(`${prefix}%`)
          .all<{ id: string; at: string; at_ms: number | null }>()
      ).results;
    const expected = times.map((at, i) => ({
      id: `${prefix}${i}`,
      at: new Date(at).toISOString(),
      at_ms: Date.parse(at),
    }));
    expect(await stored()).toEqual(expected);

    // Rows written before the migration: the migration's own UPDATE must compute the same value in D1.
    await env.DB.prepare('UPDATE events SET at_ms = NULL WHERE id LIKE ?1').bind(`${prefix}%`).run();
    const bundleWithoutMs = await findLeadBundleByEmail(env.DB, email);
    expect(bundleWithoutMs?.events.every((e) => e.atMs === undefined)).toBe(true);
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith('0005_'));
    const backfill = migration?.queries.find((q) => q.trimStart().startsWith('UPDATE events'));
    expect(backfill).toBeDefined();
    await env.DB.prepare(backfill as string).run();
    expect(await stored()).toEqual(expected);

    // Scoring reads hand the engine atMs; the timeline (part of the API) never shows it.
    const bundle = await findLeadBundleByEmail(env.DB, email);
    expect(bundle?.events.map((e) => e.atMs).sort()).toEqual(expected.map((e) => e.at_ms).sort());
    const lead = (await (await call('GET', `/v1/leads/lookup?email=${email}`, { token: rep })).json()) as {
      lead: { id: string };
    };
    const detail = (await (await call('GET', `/v1/leads/${lead.lead.id}`, { token: rep })).json()) as {
      timeline: Record<string, unknown>[];
    };
    const timelineEvents = detail.timeline.filter((entry) => entry.kind === 'event');
    expect(timelineEvents).toHaveLength(times.length);
    expect(timelineEvents.some((entry) => 'atMs' in entry || 'at_ms' in entry)).toBe(false);
  });
});
