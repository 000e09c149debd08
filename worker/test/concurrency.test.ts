import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createLeadAs, createToken, expectProblem, uniqueSuffix } from './helpers';

let rep: string;
let marketer: string;

beforeAll(async () => {
  rep = (await createToken('rep')).token;
  marketer = (await createToken('marketer')).token;
});

const createLead = (fields: Record<string, unknown>) => createLeadAs(marketer, 'race', fields);

describe('concurrent writes', () => {
  it('two concurrent accepts: one 200, one 409, one sal entry in the history', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const accept = () => call('POST', `/v1/leads/${id}/transitions`, { token: rep, body: { to: 'sal' } });
    const responses = await Promise.all([accept(), accept(), accept()]);
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    for (const r of responses.filter((r) => r.status === 409)) await expectProblem(r, 409);
    const sal = await env.DB.prepare('SELECT count(*) AS n FROM lead_stage_history WHERE lead_id = ?1 AND stage = ?2')
      .bind(id, 'sal')
      .first<number>('n');
    expect(sal).toBe(1);
    const audits = await env.DB.prepare(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'lead.transition' AND target = ?1",
    )
      .bind(`lead:${id}`)
      .first<number>('n');
    expect(audits).toBe(1);
  });

  it('accept racing return: every applied move starts where the previous one ended', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const responses = await Promise.all([
      call('POST', `/v1/leads/${id}/transitions`, { token: rep, body: { to: 'sal' } }),
      call('POST', `/v1/leads/${id}/transitions`, {
        token: rep,
        body: { to: 'lead', status: 'returned_not_ready', reason: 'no budget this quarter' },
      }),
      call('POST', `/v1/leads/${id}/transitions`, { token: rep, body: { to: 'sal' } }),
    ]);
    for (const r of responses) expect([200, 409]).toContain(r.status);
    const history = await env.DB.prepare(
      'SELECT stage, from_stage FROM lead_stage_history WHERE lead_id = ?1 ORDER BY at',
    )
      .bind(id)
      .all<{ stage: string; from_stage: string | null }>();
    const moves = history.results.filter((h) => h.from_stage !== null);
    expect(moves).toHaveLength(responses.filter((r) => r.status === 200).length);
    let current = 'mql';
    for (const move of moves) {
      expect(move.from_stage).toBe(current);
      current = move.stage;
    }
    const stored = await env.DB.prepare('SELECT lifecycle_stage FROM leads WHERE id = ?1')
      .bind(id)
      .first<string>('lifecycle_stage');
    expect(stored).toBe(current);
  });

  it('the same event batch posted concurrently stores each event once', async () => {
    const email = `race.${uniqueSuffix()}@example.com`;
    const batch = Array.from({ length: 20 }, (_, i) => ({
      id: `evt-race-${uniqueSuffix()}-${i}`,
      email,
      type: 'page_view',
      at: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(),
    }));
    const reports = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const res = await call('POST', '/v1/events', { token: marketer, body: batch });
        expect(res.status).toBe(200);
        return (await res.json()) as { accepted: number; duplicates: number };
      }),
    );
    expect(reports.reduce((sum, r) => sum + r.accepted, 0)).toBe(20);
    const stored = await env.DB.prepare(
      'SELECT count(*) AS n FROM events WHERE lead_id = (SELECT id FROM leads WHERE email = ?1)',
    )
      .bind(email)
      .first<number>('n');
    expect(stored).toBe(20);
    const counted = await env.DB.prepare(
      "SELECT count FROM lead_event_counts WHERE type = 'page_view' AND lead_id = (SELECT id FROM leads WHERE email = ?1)",
    )
      .bind(email)
      .first<number>('count');
    expect(counted).toBe(20);
  });
});
