import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createLeadAs, createToken, expectProblem } from './helpers';

let rep: string;
let marketer: string;

beforeAll(async () => {
  rep = (await createToken('rep')).token;
  marketer = (await createToken('marketer')).token;
});

const createLead = (fields: Record<string, unknown>) => createLeadAs(marketer, 'act', fields);

interface Timeline {
  timeline: {
    kind: string;
    at: string;
    stage?: string;
    status?: string;
    reason?: string;
    channel?: string;
    by?: string;
  }[];
}

describe('POST /v1/leads/:id/attempts', () => {
  it('logs an attempt (201), moves status to attempting contact / connected, and shows it in the timeline', async () => {
    const id = await createLead({ lifecycleStage: 'mql', leadStatus: 'new' });
    const res = await call('POST', `/v1/leads/${id}/attempts`, {
      token: rep,
      body: { channel: 'phone', outcome: 'no_answer', note: 'left no message', at: '2025-02-01T09:00:00+09:00' },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      id: expect.any(String),
      leadId: id,
      channel: 'phone',
      outcome: 'no_answer',
      note: 'left no message',
      at: '2025-02-01T00:00:00.000Z',
      by: expect.any(String),
    });
    expect(await env.DB.prepare('SELECT lead_status FROM leads WHERE id = ?1').bind(id).first('lead_status')).toBe(
      'attempting_contact',
    );
    await call('POST', `/v1/leads/${id}/attempts`, { token: rep, body: { channel: 'email', outcome: 'connected' } });
    expect(await env.DB.prepare('SELECT lead_status FROM leads WHERE id = ?1').bind(id).first('lead_status')).toBe(
      'connected',
    );

    const timeline = (await (await call('GET', `/v1/leads/${id}/timeline`, { token: rep })).json()) as Timeline;
    expect(timeline.timeline.filter((t) => t.kind === 'attempt').map((t) => t.channel)).toEqual(['phone', 'email']);
  });

  it('stops the SLA clock of an MQL at the first attempt', async () => {
    const enteredMql = new Date(Date.now() - 30 * 3_600_000).toISOString();
    const id = await createLead({ lifecycleStage: 'mql', stageHistory: [{ stage: 'mql', at: enteredMql }] });
    const before = (await (await call('GET', `/v1/leads/${id}`, { token: rep })).json()) as {
      score: { sla: Record<string, unknown> };
    };
    expect(before.score.sla).toMatchObject({
      startedAt: new Date(enteredMql).toISOString(),
      met: false,
      breached: true,
      hours: 24,
    });
    const due = Date.parse(enteredMql) + 24 * 3_600_000;
    expect(Date.parse(before.score.sla.dueAt as string)).toBe(due);
    const attemptAt = new Date(Date.parse(enteredMql) + 2 * 3_600_000).toISOString();
    await call('POST', `/v1/leads/${id}/attempts`, {
      token: rep,
      body: { channel: 'phone', outcome: 'connected', at: attemptAt },
    });
    const after = (await (await call('GET', `/v1/leads/${id}`, { token: rep })).json()) as {
      score: { sla: Record<string, unknown> };
    };
    expect(after.score.sla).toMatchObject({ met: true, breached: false });
  });

  it('validates the body with field paths and answers 404 for unknown leads', async () => {
    const id = await createLead({});
    const problem = await expectProblem(
      await call('POST', `/v1/leads/${id}/attempts`, { token: rep, body: { channel: 'pigeon', at: 'soon' } }),
      400,
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['at', 'channel']);
    await expectProblem(
      await call('POST', '/v1/leads/missing/attempts', { token: rep, body: { channel: 'phone' } }),
      404,
    );
    await expectProblem(
      await call('POST', `/v1/leads/${id}/attempts`, { token: null, body: { channel: 'phone' } }),
      401,
    );
    expect(await env.DB.prepare('SELECT count(*) AS n FROM lead_attempts WHERE lead_id = ?1').bind(id).first('n')).toBe(
      0,
    );
  });
});

describe('POST /v1/leads/:id/transitions', () => {
  it('accepts an MQL (→ SAL) and records the entry in the lead history and timeline', async () => {
    const id = await createLead({
      lifecycleStage: 'mql',
      stageHistory: [{ stage: 'mql', at: '2025-01-10T00:00:00Z' }],
    });
    const res = await call('POST', `/v1/leads/${id}/transitions`, {
      token: rep,
      body: { to: 'sal', at: '2025-01-11T00:00:00Z' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      lead: { lifecycleStage: string; stageHistory: unknown[] };
      entry: Record<string, unknown>;
    };
    expect(body.entry).toMatchObject({
      stage: 'sal',
      from: 'mql',
      at: '2025-01-11T00:00:00.000Z',
      transition: 'accept',
    });
    expect(body.lead.lifecycleStage).toBe('sal');
    expect(body.lead.stageHistory).toEqual([
      { stage: 'mql', at: '2025-01-10T00:00:00.000Z' },
      { stage: 'sal', at: '2025-01-11T00:00:00.000Z', from: 'mql', transition: 'accept' },
    ]);
    const timeline = (await (await call('GET', `/v1/leads/${id}/timeline`, { token: rep })).json()) as Timeline;
    expect(timeline.timeline.map((t) => [t.kind, t.stage])).toEqual([
      ['stage', 'mql'],
      ['stage', 'sal'],
    ]);
    expect(timeline.timeline[1]?.by).toEqual(expect.any(String));
  });

  it('returns a lead to nurture only with a reason (400 at path reason), then records status and reason', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const missing = await expectProblem(
      await call('POST', `/v1/leads/${id}/transitions`, {
        token: rep,
        body: { to: 'lead', status: 'returned_not_ready' },
      }),
      400,
    );
    expect(missing.errors?.[0]?.path).toBe('reason');
    expect(
      await env.DB.prepare('SELECT lifecycle_stage FROM leads WHERE id = ?1').bind(id).first('lifecycle_stage'),
    ).toBe('mql');

    const res = await call('POST', `/v1/leads/${id}/transitions`, {
      token: rep,
      body: { to: 'lead', status: 'returned_not_ready', reason: 'No budget until Q3' },
    });
    expect(res.status).toBe(200);
    const { lead, entry } = (await res.json()) as { lead: Record<string, unknown>; entry: Record<string, unknown> };
    expect(lead).toMatchObject({ lifecycleStage: 'lead', leadStatus: 'returned_not_ready' });
    expect(entry).toMatchObject({
      stage: 'lead',
      from: 'mql',
      status: 'returned_not_ready',
      reason: 'No budget until Q3',
    });
    const row = await env.DB.prepare('SELECT status, reason FROM lead_stage_history WHERE lead_id = ?1 AND stage = ?2')
      .bind(id, 'lead')
      .first();
    expect(row).toEqual({ status: 'returned_not_ready', reason: 'No budget until Q3' });
  });

  it('answers 409 for moves the lifecycle does not allow and leaves the lead as it was', async () => {
    const id = await createLead({ lifecycleStage: 'sql' });
    const problem = await expectProblem(
      await call('POST', `/v1/leads/${id}/transitions`, { token: rep, body: { to: 'mql' } }),
      409,
    );
    expect(problem.detail).toContain('sql');
    const customer = await createLead({ lifecycleStage: 'customer' });
    await expectProblem(
      await call('POST', `/v1/leads/${customer}/transitions`, {
        token: rep,
        body: { to: 'lead', status: 'disqualified', reason: 'x' },
      }),
      409,
    );
    expect(
      await env.DB.prepare('SELECT lifecycle_stage FROM leads WHERE id = ?1').bind(id).first('lifecycle_stage'),
    ).toBe('sql');
    expect(
      await env.DB.prepare('SELECT count(*) AS n FROM lead_stage_history WHERE lead_id = ?1').bind(id).first('n'),
    ).toBe(1);
  });

  it('validates stage ids and needs a token', async () => {
    const id = await createLead({});
    const problem = await expectProblem(
      await call('POST', `/v1/leads/${id}/transitions`, { token: rep, body: { to: 'unicorn' } }),
      400,
    );
    expect(problem.errors?.[0]?.path).toBe('to');
    expect(
      (
        await expectProblem(
          await call('POST', `/v1/leads/${id}/transitions`, { token: rep, body: { to: 'Not An Id' } }),
          400,
        )
      ).errors?.[0]?.path,
    ).toBe('to');
    await expectProblem(await call('POST', `/v1/leads/${id}/transitions`, { token: null, body: { to: 'mql' } }), 401);
    await expectProblem(await call('POST', '/v1/leads/missing/transitions', { token: rep, body: { to: 'mql' } }), 404);
  });
});
