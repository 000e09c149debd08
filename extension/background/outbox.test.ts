import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROBLEM_TYPES } from '../../shared';
import { LeadlensDb } from './db';
import { createMessageHandler } from './messageHandlers';
import type { Outbox } from './outbox';
import { ACME_CTO, FakeApi, GOOD_TOKEN, problem } from './test/fakeApi';
import { failWritesWithQuota } from './test/quota';
import { createTestBackground, saveTestConnection, settle, type TestBackground } from './test/testBackground';

const ATTEMPT = {
  kind: 'attempt' as const,
  leadId: ACME_CTO.id,
  body: { channel: 'email' as const, outcome: 'sent' as const },
};
const ACCEPT = { kind: 'transition' as const, leadId: ACME_CTO.id, body: { to: 'sal' } };
const RETURN = {
  kind: 'transition' as const,
  leadId: ACME_CTO.id,
  body: { to: 'lead', status: 'returned_not_ready', reason: 'No budget this year' },
};

function lastWake(background: TestBackground): number {
  const at = background.wakes.at(-1);
  if (at === undefined) throw new Error('the outbox asked for no wake-up');
  return at;
}

describe('outbox', () => {
  let api: FakeApi;
  let bg: TestBackground;

  beforeEach(async () => {
    api = new FakeApi();
    api.addLead(ACME_CTO);
    bg = createTestBackground(api);
    await saveTestConnection(GOOD_TOKEN);
  });

  afterEach(() => bg.services.db.close());

  /** Drains, then jumps the clock to the next wake-up the outbox asked for, until nothing is due. */
  async function drainUntilIdle(outbox: Outbox, maxRounds = 20) {
    for (let round = 0; round < maxRounds; round++) {
      const wakesBefore = bg.wakes.length;
      await outbox.drain();
      if ((await outbox.state()).pending === 0 || bg.wakes.length === wakesBefore) return;
      bg.clock.now = Math.max(bg.clock.now, bg.wakes.at(-1) ?? bg.clock.now);
    }
  }

  it('queues offline, retries with growing backoff and delivers each action exactly once, in order', async () => {
    const { outbox } = bg.services;
    const start = bg.clock.now;
    api.fail('/v1/leads/', 'network', 3);
    const queued = [await outbox.enqueue(ATTEMPT), await outbox.enqueue(ACCEPT), await outbox.enqueue(RETURN)];
    expect(queued.map((q) => q.kind)).toEqual(['attempt', 'accept', 'return']);

    await outbox.drain();
    let state = await outbox.state();
    expect(state.pending).toBe(3);
    expect(state.items[0]?.attempts).toBe(1);
    expect(state.lastError).toMatch(/cannot be reached/);

    // Not due yet: a drain before the wake-up time sends nothing.
    const sentBefore = api.requests.length;
    await outbox.drain();
    expect(api.requests.length).toBe(sentBefore);

    await drainUntilIdle(outbox);
    state = await outbox.state();
    expect(state.pending).toBe(0);
    expect(state.items).toEqual([]);

    const ids = queued.map((q) => q.id);
    expect(api.receivedKeys).toEqual(ids);
    expect([...api.applied.values()]).toEqual([1, 1, 1]);
    // Each carries the time it was clicked, not the time it finally got through.
    const clickedAt = new Date(start).toISOString();
    expect(api.writes.map((w) => w.body)).toEqual([
      { ...ATTEMPT.body, at: clickedAt },
      { ...ACCEPT.body, at: clickedAt },
      { ...RETURN.body, at: clickedAt },
    ]);

    // Three failures: waits grow 2 s → 4 s → 8 s (equal jitter at random 0.5 = 3/4 of each step).
    const wakeTimes = [...new Set(bg.wakes)];
    const delays = wakeTimes.map((at, i) => at - (i === 0 ? start : (wakeTimes[i - 1] as number)));
    expect(delays).toEqual([1500, 3000, 6000]);
  });

  it('a restarted worker resumes a send the old one never finished, with the same key, without doubling', async () => {
    const { outbox } = bg.services;
    api.fail('/v1/leads/', 'lost-request');
    const item = await outbox.enqueue(ACCEPT);
    // The old worker starts sending and is stopped before the request leaves.
    void outbox.drain();
    await settle();

    const restarted = createTestBackground(api, bg.dbName);
    restarted.clock.now = bg.clock.now;
    await restarted.services.outbox.drain();
    // It sees the old worker's lease and waits for it to lapse rather than racing it.
    expect(api.receivedKeys).toEqual([]);
    expect(restarted.wakes.at(-1)).toBeGreaterThan(restarted.clock.now);

    restarted.clock.now = lastWake(restarted);
    await restarted.services.outbox.drain();
    expect(api.receivedKeys).toEqual([item.id]);
    expect(api.applied.get(item.id)).toBe(1);
    expect((await restarted.services.outbox.state()).pending).toBe(0);
    restarted.services.db.close();
  });

  it('a restarted worker resends a request whose response was lost; the key makes the API apply it once', async () => {
    const { outbox } = bg.services;
    api.fail('/v1/leads/', 'lost-response');
    const first = await outbox.enqueue(ATTEMPT);
    const second = await outbox.enqueue(ACCEPT);
    void outbox.drain();
    await settle();
    expect(api.receivedKeys).toEqual([first.id]);

    // A new worker over the same database (a new Dexie connection, as after a restart).
    const restarted = createTestBackground(api, bg.dbName);
    restarted.clock.now = bg.clock.now + 31_000;
    await restarted.services.outbox.drain();

    expect(api.receivedKeys).toEqual([first.id, first.id, second.id]);
    expect(api.applied.get(first.id)).toBe(1);
    expect(api.applied.get(second.id)).toBe(1);
    expect(api.writes).toHaveLength(2);
    expect(await new LeadlensDb(bg.dbName).outbox.count()).toBe(0);
    restarted.services.db.close();
  });

  it('401 pauses the queue and keeps every item until the user reconnects', async () => {
    const { outbox, authState } = bg.services;
    api.token = 'rotated-token';
    await outbox.enqueue(ATTEMPT);
    await outbox.enqueue(ACCEPT);

    await outbox.drain();
    let state = await outbox.state();
    expect(state.paused).toBe(true);
    expect(state.pending).toBe(2);
    expect(state.items.map((i) => i.attempts)).toEqual([0, 0]);
    expect(await authState.status()).toBe('unauthorized');
    expect(bg.pushes).toContainEqual(expect.objectContaining({ type: 'push/connectionChanged' }));

    // Paused: later drains do not even try.
    const sent = api.requests.length;
    bg.clock.now += 60 * 60_000;
    await outbox.drain();
    expect(api.requests.length).toBe(sent);

    // The user saves the new token; the background clears the flag and drains.
    await saveTestConnection('rotated-token');
    await authState.clear();
    await outbox.drain();
    state = await outbox.state();
    expect(state).toMatchObject({ pending: 0, paused: false });
    expect(api.writes).toHaveLength(2);
  });

  it('a 4xx refusal marks the item failed with the API message, never retries it, and moves on', async () => {
    const { outbox } = bg.services;
    api.fail('/v1/leads/', {
      status: 409,
      body: { ...problem(409), title: 'Conflict', detail: 'A customer cannot move back to SAL.' },
    });
    const refused = await outbox.enqueue(ACCEPT);
    const next = await outbox.enqueue(ATTEMPT);

    await outbox.drain();
    let state = await outbox.state();
    expect(state.pending).toBe(0);
    expect(state.failed).toBe(1);
    expect(state.items).toEqual([
      expect.objectContaining({ id: refused.id, state: 'failed', lastError: 'A customer cannot move back to SAL.' }),
    ]);
    expect(api.applied.has(next.id)).toBe(true);

    const sent = api.requests.length;
    bg.clock.now += 24 * 60 * 60_000;
    await outbox.drain();
    expect(api.requests.length).toBe(sent);

    await outbox.dismiss(refused.id);
    state = await outbox.state();
    expect(state.items).toEqual([]);
  });

  it('408/429/5xx are retried; Retry-After is honoured', async () => {
    const { outbox } = bg.services;
    api.fail('/v1/leads/', { status: 429, headers: { 'retry-after': '120' } });
    api.fail('/v1/leads/', { status: 503 });
    const item = await outbox.enqueue(ATTEMPT);

    await outbox.drain();
    expect(bg.wakes.at(-1)).toBe(bg.clock.now + 120_000);
    bg.clock.now = lastWake(bg);
    await outbox.drain();
    expect((await outbox.state()).items[0]).toMatchObject({ state: 'pending', attempts: 2 });
    bg.clock.now = lastWake(bg);
    await outbox.drain();
    expect((await outbox.state()).pending).toBe(0);
    expect(api.receivedKeys).toEqual([item.id]);
  });

  it('a refused item can be retried on request and then delivers', async () => {
    const { outbox } = bg.services;
    api.fail('/v1/leads/', { status: 404, body: problem(404, 'Lead lead_1 does not exist.') });
    const item = await outbox.enqueue(ACCEPT);
    await outbox.drain();
    expect((await outbox.state()).failed).toBe(1);

    await outbox.retry(item.id);
    await outbox.drain();
    expect((await outbox.state()).items).toEqual([]);
    expect(api.applied.get(item.id)).toBe(1);
  });

  it('a 409 "request in progress" (the first send with that key is still running) is retried, not refused', async () => {
    const { outbox } = bg.services;
    api.fail('/v1/leads/', {
      status: 409,
      body: { ...problem(409), type: PROBLEM_TYPES.requestInProgress, title: 'Request in progress' },
      headers: { 'retry-after': '1' },
    });
    const item = await outbox.enqueue(ATTEMPT);

    await outbox.drain();
    const state = await outbox.state();
    expect(state.failed).toBe(0);
    expect(state.items).toEqual([expect.objectContaining({ id: item.id, state: 'pending', attempts: 1 })]);
    // Retry-After: 1 is a floor; the first backoff step (1.5 s at random 0.5) is longer.
    expect(lastWake(bg)).toBe(bg.clock.now + 1500);

    bg.clock.now = lastWake(bg);
    await outbox.drain();
    expect((await outbox.state()).items).toEqual([]);
    // Both sends carried the same key, so the API can answer the second with the first's result.
    expect(api.requestsTo('/v1/leads/').map((r) => r.headers.get('idempotency-key'))).toEqual([item.id, item.id]);
    expect(api.applied.get(item.id)).toBe(1);
    expect(api.writes).toHaveLength(1);
  });

  it('when the browser refuses to store a new action (quota), the click fails visibly and nothing is half-queued', async () => {
    const { outbox } = bg.services;
    const handle = createMessageHandler(bg.services, 'chrome-extension://abc/');
    const restore = failWritesWithQuota(['outbox']);
    try {
      const answer = await handle(
        { type: 'lead/logAttempt', leadId: ACME_CTO.id, attempt: { channel: 'phone', outcome: 'sent' } },
        { url: 'https://app.hubspot.com/contacts/1/record/0-1/2' },
      );
      // The page gets an error it shows next to the button, not a "queued" confirmation.
      expect(answer).toMatchObject({ ok: false, error: { code: 'storage_full', message: /no room/ } });
      await expect(outbox.enqueue(ACCEPT)).rejects.toMatchObject({ name: 'StorageFullError' });
    } finally {
      restore();
    }
    expect(await bg.services.db.outbox.count()).toBe(0);
    expect(api.receivedKeys).toEqual([]);

    // Space freed: the same click now queues and delivers.
    const item = await outbox.enqueue(ATTEMPT);
    await outbox.drain();
    expect(api.applied.get(item.id)).toBe(1);
  });

  it('a quota error while updating the queue never drops a queued action; it is reported and delivered once later', async () => {
    const { outbox } = bg.services;
    api.fail('/v1/leads/', 'network');
    const item = await outbox.enqueue(ATTEMPT);
    const restore = failWritesWithQuota(['outbox']);
    try {
      // The send fails and even recording the failure fails: the pass stops without rejecting.
      await expect(outbox.drain()).resolves.toBeUndefined();
      const state = await outbox.state();
      expect(state.items).toEqual([expect.objectContaining({ id: item.id, state: 'pending' })]);
      expect(state.lastError).toMatch(/no room left/);
      expect(bg.pushes.at(-1)).toMatchObject({ type: 'push/outboxChanged', state: { lastError: expect.any(String) } });
    } finally {
      restore();
    }

    bg.clock.now = lastWake(bg);
    await drainUntilIdle(outbox);
    const state = await outbox.state();
    expect(state).toMatchObject({ pending: 0, lastError: null, items: [] });
    expect(api.applied.get(item.id)).toBe(1);
    expect(api.writes).toHaveLength(1);
  });
});
