import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createLeadAs, createToken, expectProblem } from './helpers';

let rep: string;
let marketer: string;

beforeAll(async () => {
  rep = (await createToken('rep')).token;
  marketer = (await createToken('marketer')).token;
});

const createLead = (fields: Record<string, unknown>) => createLeadAs(marketer, 'idem', fields);

const countAttempts = (id: string) =>
  env.DB.prepare('SELECT count(*) AS n FROM lead_attempts WHERE lead_id = ?1').bind(id).first<number>('n');
const countHistory = (id: string, stage: string) =>
  env.DB.prepare('SELECT count(*) AS n FROM lead_stage_history WHERE lead_id = ?1 AND stage = ?2')
    .bind(id, stage)
    .first<number>('n');

const attempt = (id: string, key: string, body: unknown = { channel: 'phone', outcome: 'no_answer' }, token = rep) =>
  call('POST', `/v1/leads/${id}/attempts`, { token, body, headers: { 'Idempotency-Key': key } });

describe('Idempotency-Key on writes', () => {
  it('stores a retried attempt once and replays the first response', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const key = crypto.randomUUID();
    const first = await attempt(id, key);
    expect(first.status).toBe(201);
    expect(first.headers.get('Idempotent-Replayed')).toBeNull();
    const firstBody = await first.json();
    for (let retry = 0; retry < 3; retry++) {
      const again = await attempt(id, key);
      expect(again.status).toBe(201);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(again.headers.get('Location')).toBe(`/v1/leads/${id}/timeline`);
      expect(await again.json()).toEqual(firstBody);
    }
    expect(await countAttempts(id)).toBe(1);
  });

  it('lets only one of many concurrent duplicates write', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 8 }, () => attempt(id, key)));
    const statuses = responses.map((r) => r.status);
    // Each duplicate either waited for the first and replayed it, or was told the first is still running.
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(responses.filter((r) => r.status === 201 && r.headers.get('Idempotent-Replayed') === null)).toHaveLength(1);
    for (const r of responses.filter((r) => r.status === 409)) await expectProblem(r, 409);
    expect(await countAttempts(id)).toBe(1);
  });

  it('replays a transition instead of answering 409 on the retry, and records the stage once', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const key = crypto.randomUUID();
    const send = () =>
      call('POST', `/v1/leads/${id}/transitions`, {
        token: rep,
        body: { to: 'sal' },
        headers: { 'Idempotency-Key': key },
      });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const retry = await send();
    expect(retry.status).toBe(200);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(await countHistory(id, 'sal')).toBe(1);
  });

  it('refuses the same key with a different body (422) and writes nothing', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const key = crypto.randomUUID();
    expect((await attempt(id, key)).status).toBe(201);
    const other = await attempt(id, key, { channel: 'email', outcome: 'connected' });
    const problem = await expectProblem(other, 422);
    expect(problem.type).toBe('urn:leadlens:problem:idempotency-key-reused');
    expect(await countAttempts(id)).toBe(1);
  });

  it('scopes keys to the token: another token with the same key is a new request', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const key = crypto.randomUUID();
    const otherRep = (await createToken('rep')).token;
    expect((await attempt(id, key)).status).toBe(201);
    const second = await attempt(id, key, undefined, otherRep);
    expect(second.status).toBe(201);
    expect(second.headers.get('Idempotent-Replayed')).toBeNull();
    expect(await countAttempts(id)).toBe(2);
  });

  it('replays a 4xx answer too, and releases nothing it did not claim', async () => {
    const key = crypto.randomUUID();
    const missing = await attempt('no-such-lead', key);
    await expectProblem(missing, 404);
    const again = await attempt('no-such-lead', key);
    await expectProblem(again, 404);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
  });

  it('rejects a malformed key with a 400 problem and writes nothing', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    await expectProblem(await attempt(id, 'has space'), 400);
    await expectProblem(await attempt(id, 'x'.repeat(256)), 400);
    expect(await countAttempts(id)).toBe(0);
  });

  it('without a key behaves as before: each request writes', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    const body = { channel: 'phone', outcome: 'no_answer' };
    await call('POST', `/v1/leads/${id}/attempts`, { token: rep, body });
    await call('POST', `/v1/leads/${id}/attempts`, { token: rep, body });
    expect(await countAttempts(id)).toBe(2);
  });

  it('forgets stored answers that quote a lead when the lead is erased', async () => {
    const id = await createLead({ lifecycleStage: 'mql' });
    expect(
      (await attempt(id, crypto.randomUUID(), { channel: 'phone', outcome: 'no_answer', note: 'private' })).status,
    ).toBe(201);
    const quoting = () =>
      env.DB.prepare('SELECT count(*) AS n FROM idempotency_keys WHERE instr(body, ?1) > 0')
        .bind(JSON.stringify(id))
        .first<number>('n');
    expect(await quoting()).toBe(1);
    expect((await call('DELETE', `/v1/leads/${id}`)).status).toBe(200);
    expect(await quoting()).toBe(0);
  });
});
