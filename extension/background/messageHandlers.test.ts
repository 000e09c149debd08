import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createMessageHandler } from './messageHandlers';
import { ACME_CTO, API_URL, FakeApi, GOOD_TOKEN } from './test/fakeApi';
import { createTestBackground, saveTestConnection, type TestBackground } from './test/testBackground';

const EXTENSION_ORIGIN = 'chrome-extension://abc/';
const CONTENT_SCRIPT = { url: 'https://mail.google.com/mail/u/0/' };
const OPTIONS_PAGE = { url: `${EXTENSION_ORIGIN}options.html` };

describe('background message handler', () => {
  let api: FakeApi;
  let bg: TestBackground;
  let handle: ReturnType<typeof createMessageHandler>;

  beforeEach(async () => {
    api = new FakeApi();
    api.addLead({ ...ACME_CTO });
    bg = createTestBackground(api);
    handle = createMessageHandler(bg.services, EXTENSION_ORIGIN);
    await saveTestConnection(GOOD_TOKEN);
  });
  afterEach(() => bg.services.db.close());

  it('leaves pushes and other extensions’ messages to other listeners', () => {
    expect(handle({ type: 'push/modelChanged', version: 2 }, CONTENT_SCRIPT)).toBeUndefined();
    expect(handle({ type: 'adapter/somethingElse' }, CONTENT_SCRIPT)).toBeUndefined();
    expect(handle('hello', CONTENT_SCRIPT)).toBeUndefined();
  });

  it('sends the model with an insight only to a page that holds another one (or none)', async () => {
    await bg.services.modelSync.sync();
    const facts = { email: ACME_CTO.email };
    const none = await handle({ type: 'insight/get', facts, modelHeld: null }, CONTENT_SCRIPT);
    expect(none).toMatchObject({ ok: true, data: { model: { version: 1, model: { lifecycle: expect.any(Object) } } } });
    const model = (none as { data: { model: { version: number; fetchedAt: number } } }).data.model;

    const same = await handle(
      { type: 'insight/get', facts, modelHeld: { version: model.version, fetchedAt: model.fetchedAt } },
      CONTENT_SCRIPT,
    );
    expect(same).toMatchObject({ ok: true, data: { modelVersion: 1 } });
    expect((same as { data: object }).data).not.toHaveProperty('model');

    const older = await handle(
      { type: 'insight/get', facts, modelHeld: { version: 0, fetchedAt: model.fetchedAt } },
      CONTENT_SCRIPT,
    );
    expect(older).toMatchObject({ ok: true, data: { model: { version: 1 } } });
    // Asked without saying what it holds (popup, the card's own asks): no model in the answer.
    const plain = await handle({ type: 'insight/get', facts }, CONTENT_SCRIPT);
    expect((plain as { data: object }).data).not.toHaveProperty('model');
  });

  it('validates requests from pages', async () => {
    const answer = await handle({ type: 'lead/return', leadId: 'lead_1', reason: '  ' }, CONTENT_SCRIPT);
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('queues accept and return as the agreed transitions', async () => {
    await handle({ type: 'lead/accept', leadId: 'lead_1' }, CONTENT_SCRIPT);
    await handle({ type: 'lead/return', leadId: 'lead_1', reason: 'Not ready' }, CONTENT_SCRIPT);
    await bg.services.outbox.drain();
    expect(api.writes.map((w) => w.body)).toEqual([
      { to: 'sal', at: expect.any(String) },
      { to: 'lead', status: 'returned_not_ready', reason: 'Not ready', at: expect.any(String) },
    ]);
  });

  it('never lets a content script test, read or remove the connection', async () => {
    const test = await handle({ type: 'connection/test', apiUrl: API_URL, token: 'x' }, CONTENT_SCRIPT);
    expect(test).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const disconnect = await handle({ type: 'connection/disconnect' }, CONTENT_SCRIPT);
    expect(disconnect).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const status = await handle({ type: 'connection/status' }, CONTENT_SCRIPT);
    expect(JSON.stringify(status)).not.toContain(GOOD_TOKEN);
    expect(status).toMatchObject({ ok: true, data: { state: 'connected', apiOrigin: API_URL } });
  });

  it('tests a connection for the options page: reachable, token accepted or refused', async () => {
    const good = await handle({ type: 'connection/test', apiUrl: API_URL, token: GOOD_TOKEN }, OPTIONS_PAGE);
    expect(good).toMatchObject({
      ok: true,
      data: { ok: true, reachable: true, authorized: true, modelVersion: 1, error: null },
    });
    const bad = await handle({ type: 'connection/test', apiUrl: API_URL, token: 'wrong' }, OPTIONS_PAGE);
    expect(bad).toMatchObject({
      ok: true,
      data: { ok: false, reachable: true, authorized: false, error: { kind: 'unauthorized', status: 401 } },
    });
  });

  it('empties the lead cache for an extension page only, keeping connection and model', async () => {
    await bg.services.insights.getInsight({ email: ACME_CTO.email }, { force: true });
    expect(await bg.services.db.leads.count()).toBe(1);
    const refused = await handle({ type: 'cache/forgetLeads' }, CONTENT_SCRIPT);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await bg.services.db.leads.count()).toBe(1);

    expect(await handle({ type: 'cache/forgetLeads' }, OPTIONS_PAGE)).toEqual({ ok: true, data: null });
    expect(await bg.services.db.leads.count()).toBe(0);
    expect(await bg.services.db.model.count()).toBe(1);
    // Not even the rows held in memory answer: the next view is scored from page facts while the API is asked.
    const next = await handle(
      { type: 'insight/get', facts: { email: ACME_CTO.email }, revalidate: false },
      CONTENT_SCRIPT,
    );
    expect(next).toMatchObject({ ok: true, data: { status: 'ready', insight: { fetchedAt: null } } });
    expect((next as { data: { insight: { lead?: unknown } } }).data.insight.lead).toBeUndefined();
  });

  it('disconnect forgets the token and wipes cached leads and model, but keeps queued writes', async () => {
    await handle({ type: 'insight/get', facts: { email: ACME_CTO.email } }, CONTENT_SCRIPT);
    await bg.services.insights.getInsight({ email: ACME_CTO.email }, { force: true });
    api.token = 'offline-now';
    await handle({ type: 'lead/accept', leadId: 'lead_1' }, CONTENT_SCRIPT);
    expect(await bg.services.db.leads.count()).toBe(1);

    const answer = await handle({ type: 'connection/disconnect' }, OPTIONS_PAGE);
    expect(answer).toMatchObject({ ok: true, data: { state: 'unconfigured' } });
    expect(await bg.services.db.leads.count()).toBe(0);
    expect(await bg.services.db.model.count()).toBe(0);
    expect(await fakeBrowser.storage.local.get(['apiUrl', 'token'])).toEqual({});
    expect((await bg.services.outbox.state()).pending).toBe(1);
  });
});
