import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ExtensionStore,
  type FaultMode,
  type FaultProxy,
  ServiceWorkerControl,
  saveConnection,
  startFaultProxy,
} from './helpers/faults';
import { CARD, type CardAttributes, expectCardToShow, timelineOf, useSiteEnvironment } from './helpers/leadlensSite';

/*
 * Faults between the built extension and the real local Worker, in Chromium: the API down, slow,
 * answering 500s or garbage, the token revoked mid-session, and the service worker stopped between
 * queueing a write and delivering it. The network faults come from a small proxy in front of the
 * Worker (tests/e2e/helpers/faults.ts); writes are checked by reading the lead's timeline back
 * from D1 through the API.
 */

const RECORD_URL = 'https://app.hubspot.com/contacts/8765432/record/0-1/51234';
const GIULIA = { email: 'giulia.romano@banca-aurora.example.it' };
// Past half of the 10-minute lookup TTL, so the page view revalidates in the background.
const CACHE_AGE_MS = 6 * 60_000;

interface CardState {
  offline: string | null;
  status: string | null;
  text: string;
}

async function cardState(page: Page): Promise<CardState> {
  return page.locator(CARD).evaluate((card) => ({
    offline: card.getAttribute('data-ll-offline'),
    status: card.getAttribute('data-ll-status'),
    text: card.querySelector('.ll-status')?.textContent ?? '',
  }));
}

describe('faults: the card degrades to what was saved; queued writes arrive exactly once', () => {
  const env = useSiteEnvironment({ [RECORD_URL]: 'hubspot/contact-record.html' });
  let proxy: FaultProxy;
  let store: ExtensionStore;
  let page: Page;
  let expected: CardAttributes;
  let leadId: string;
  let repTokenId: string;
  const pageErrors: string[] = [];
  const figures = { exactlyOnce: 0, workerStops: 0, revocations: 0 };

  async function attemptsInTimeline(): Promise<number> {
    return (await timelineOf(env(), leadId)).filter((entry) => entry.kind === 'attempt').length;
  }

  async function createRepToken(name: string): Promise<{ id: string; token: string }> {
    const created = await env().worker.api<{ id: string; token: string }>('POST', '/v1/tokens', { name, role: 'rep' });
    expect(created.status).toBe(201);
    return created.body;
  }

  /**
   * The page is opened again (a page view) with the API in `mode`, the cache 6 minutes old. Six
   * idle minutes later Chrome has long stopped the service worker (after 30 s), so it is stopped
   * here too: the rows it held in memory go with it, and the next one reads the aged rows.
   */
  async function viewWith(mode: FaultMode): Promise<void> {
    await proxy.setMode(mode);
    expect(await store.ageCachedLookups(CACHE_AGE_MS)).toBeGreaterThan(0);
    const control = await ServiceWorkerControl.attach(env().browser);
    try {
      await expect.poll(() => control.status()).toBe('running');
      const stoppedAt = control.history.length;
      await control.stopAll();
      await expect.poll(() => control.history.slice(stoppedAt)).toContain('stopped');
    } finally {
      await control.close();
    }
    await page.reload();
  }

  /** The API answers again: "Refresh" brings the card back to a fresh, ready state. */
  async function recover(): Promise<void> {
    await proxy.setMode({ kind: 'pass' });
    await page.locator(CARD).getByRole('button', { name: 'Refresh from the Leadlens API' }).click();
    await expect.poll(() => cardState(page), { timeout: 15_000 }).toMatchObject({ offline: 'false', status: 'ready' });
    await expectCardToShow(page, expected);
  }

  beforeAll(async () => {
    proxy = await startFaultProxy(env().worker.url);
    // A rep's own token through the proxy, so it can be revoked without touching the admin's.
    const rep = await createRepToken('e2e faults: rep');
    repTokenId = rep.id;
    await saveConnection(env().browser, proxy.url, rep.token);
    store = await ExtensionStore.open(env().browser);

    page = await env().browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    expected = await env().expectedAttributes(GIULIA);
    leadId = (await env().lookup(GIULIA)).lead.id;
  }, 60_000);

  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    // The figures the README's "Security and data" section quotes.
    console.info(
      `[faults] faults injected: ${(proxy?.faultsInjected ?? 0) + figures.revocations + figures.workerStops} ` +
        `(proxy: ${proxy?.faultsInjected ?? 0}, token revocations: ${figures.revocations}, service-worker stops: ${figures.workerStops})` +
        `; requests answered with a fault: ${proxy?.requests.filter((r) => r.mode !== 'pass').length ?? 0}` +
        `; writes verified exactly once: ${figures.exactlyOnce}`,
    );
  });

  it('API up (through the proxy): the card shows what the API computes, and caches it', async () => {
    await page.goto(RECORD_URL);
    await expectCardToShow(page, expected);
    await expect.poll(() => cardState(page)).toMatchObject({ offline: 'false', status: 'ready' });
  });

  it('API down: the card shows the saved lead and model at once, visibly offline', async () => {
    await viewWith({ kind: 'down' });
    await expectCardToShow(page, expected);
    await expect.poll(() => cardState(page), { timeout: 15_000 }).toMatchObject({ offline: 'true', status: 'offline' });
    expect((await cardState(page)).text).toMatch(/^Offline: showing what was saved 6 min ago\./);
    await expectCardToShow(page, expected);
    await recover();
  });

  it('API slow (10 s): the card renders from the cache before the API answered anything, then says offline', async () => {
    const mark = proxy.requests.length;
    await viewWith({ kind: 'slow', delayMs: 10_000 });
    await expectCardToShow(page, expected);
    // The revalidation is out and still unanswered while the card already shows the saved numbers.
    await expect.poll(() => proxy.requests.slice(mark).some((r) => r.path.startsWith('/v1/leads/lookup'))).toBe(true);
    expect(proxy.requests.slice(mark).map((r) => r.status)).toEqual(proxy.requests.slice(mark).map(() => null));

    // The extension stops waiting after 8 s: the card says offline and keeps the data.
    await expect.poll(() => cardState(page), { timeout: 15_000 }).toMatchObject({ offline: 'true', status: 'offline' });
    await expectCardToShow(page, expected);
    await recover();
  });

  it('500s: no crash, offline state, the cached lead kept', async () => {
    await viewWith({ kind: 'status', status: 500 });
    await expect.poll(() => cardState(page), { timeout: 15_000 }).toMatchObject({ offline: 'true', status: 'offline' });
    await expectCardToShow(page, expected);
    await recover();
  });

  it('garbage JSON: no crash, an error state in words, the cached lead kept', async () => {
    await viewWith({ kind: 'garbage' });
    await expect.poll(() => cardState(page), { timeout: 15_000 }).toMatchObject({ status: 'error' });
    expect((await cardState(page)).text).toContain(
      'Leadlens could not load this person: The Leadlens API sent a lead lookup this extension does not understand.',
    );
    await expectCardToShow(page, expected);
    await recover();
    expect(pageErrors).toEqual([]);
  });

  it('token revoked mid-session: asks to reconnect, keeps the queued attempt, delivers it once with the new token', async () => {
    const before = await attemptsInTimeline();
    const revoked = await env().worker.api('DELETE', `/v1/tokens/${repTokenId}`);
    expect(revoked.status).toBe(204);
    figures.revocations++;
    const mark = proxy.requests.length;

    const card = page.locator(CARD);
    await card.getByRole('button', { name: 'Log attempt' }).click();
    await expect
      .poll(() => cardState(page), { timeout: 15_000 })
      .toMatchObject({ status: 'reconnect', text: expect.stringContaining('reconnect in the options') });
    await expect.poll(() => card.locator('.ll-outbox').getAttribute('data-pending')).toBe('1');
    expect(await card.locator('.ll-outbox').textContent()).toContain('Sending paused until Leadlens is reconnected.');

    const [queued] = await store.outbox();
    expect(queued).toMatchObject({ state: 'pending', action: { kind: 'attempt', leadId } });
    const sends = () =>
      proxy.requests.slice(mark).filter((r) => r.method === 'POST' && r.idempotencyKey === queued?.id);
    expect(sends().map((r) => r.status)).toEqual([401]);
    expect(await attemptsInTimeline()).toBe(before);

    // The rep pastes a new token in the options page.
    await saveConnection(env().browser, proxy.url, (await createRepToken('e2e faults: rep, new')).token);
    await expect.poll(attemptsInTimeline, { timeout: 20_000 }).toBe(before + 1);
    await expect.poll(() => card.locator('.ll-outbox').getAttribute('data-pending')).toBe('0');
    await expect.poll(() => cardState(page)).toMatchObject({ status: 'ready' });
    expect(await store.outbox()).toEqual([]);
    expect(sends().map((r) => r.status)).toEqual([401, 201]);
    expect(await attemptsInTimeline()).toBe(before + 1);
    figures.exactlyOnce++;
  });

  it('service worker stopped between queueing and delivering: the attempt arrives once when the API is back', async () => {
    const before = await attemptsInTimeline();
    const mark = proxy.requests.length;
    await proxy.setMode({ kind: 'down' });

    await page.locator(CARD).getByRole('button', { name: 'Log attempt' }).click();
    // Queued, tried once, failed, waiting for its retry (no send in flight).
    await expect
      .poll(async () => (await store.outbox()).map((row) => row.attempts > 0 && row.leaseUntil === 0), {
        timeout: 15_000,
      })
      .toEqual([true]);
    const [queued] = await store.outbox();

    const control = await ServiceWorkerControl.attach(env().browser);
    try {
      await expect.poll(() => control.status()).toBe('running');
      const stoppedAt = control.history.length;
      await control.stopAll();
      figures.workerStops++;
      // Its retry alarm may start a new worker right away: what matters is that this one stopped.
      await expect.poll(() => control.history.slice(stoppedAt)).toContain('stopped');
      // Nothing lived only in the stopped worker's memory: the attempt is in IndexedDB.
      expect(await store.outbox()).toEqual([expect.objectContaining({ id: queued?.id, state: 'pending' })]);

      await proxy.setMode({ kind: 'pass' });
      // The outbox's alarm wakes a new worker, which finds the attempt and sends it.
      await expect.poll(attemptsInTimeline, { timeout: 45_000, interval: 500 }).toBe(before + 1);
      const afterStop = control.history.slice(stoppedAt);
      expect(afterStop.slice(afterStop.indexOf('stopped'))).toContain('running');
      await expect.poll(() => store.outbox(), { timeout: 10_000 }).toEqual([]);
    } finally {
      await control.close();
    }
    const delivered = proxy.requests
      .slice(mark)
      .filter((r) => r.method === 'POST' && r.idempotencyKey === queued?.id && r.status !== null);
    expect(delivered.filter((r) => r.status === 201)).toHaveLength(1);
    expect(await attemptsInTimeline()).toBe(before + 1);
    figures.exactlyOnce++;
  });
});
