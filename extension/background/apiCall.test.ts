import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageHandler } from './messageHandlers';
import { FakeApi, GOOD_TOKEN } from './test/fakeApi';
import { createTestBackground, saveTestConnection, type TestBackground } from './test/testBackground';

const EXTENSION_ORIGIN = 'chrome-extension://abc/';
const CONTENT_SCRIPT = { url: 'https://mail.google.com/mail/u/0/' };
const OPTIONS_PAGE = { url: `${EXTENSION_ORIGIN}options.html` };

// `api/call`: the options page's one door to the admin API, through the background's token.
describe('api/call from the options page', () => {
  let api: FakeApi;
  let bg: TestBackground;
  let handle: ReturnType<typeof createMessageHandler>;

  beforeEach(async () => {
    api = new FakeApi();
    bg = createTestBackground(api);
    handle = createMessageHandler(bg.services, EXTENSION_ORIGIN);
    await saveTestConnection(GOOD_TOKEN);
  });
  afterEach(() => bg.services.db.close());

  it('answers with status, ETag and body, sending the saved token', async () => {
    const answer = await handle({ type: 'api/call', method: 'GET', path: '/v1/model' }, OPTIONS_PAGE);
    expect(answer).toMatchObject({
      ok: true,
      data: { ok: true, status: 200, etag: api.etag(), body: { version: 1 }, errors: [] },
    });
    expect(api.requests.at(-1)?.headers.get('authorization')).toBe(`Bearer ${GOOD_TOKEN}`);
  });

  it('passes If-Match and reports a 412 as data the page can act on', async () => {
    api.fail('/v1/model/versions', {
      status: 412,
      body: { type: 'about:blank', title: 'Precondition failed', status: 412, detail: 'version 3 is live now' },
    });
    const answer = await handle(
      { type: 'api/call', method: 'POST', path: '/v1/model/versions', body: { note: 'x' }, ifMatch: '"v1"' },
      OPTIONS_PAGE,
    );
    expect(api.requests.at(-1)?.headers.get('if-match')).toBe('"v1"');
    expect(answer).toMatchObject({
      ok: true,
      data: { ok: false, status: 412, kind: 'rejected', message: 'version 3 is live now' },
    });
  });

  it('hands field errors of a 400 through', async () => {
    api.fail('/v1/model/versions', {
      status: 400,
      body: { title: 'Invalid', status: 400, errors: [{ path: 'model.quadrants.fitHigh', message: 'Too big' }] },
    });
    const answer = await handle(
      { type: 'api/call', method: 'POST', path: '/v1/model/versions', body: {} },
      OPTIONS_PAGE,
    );
    expect(answer).toMatchObject({
      data: { ok: false, status: 400, errors: [{ path: 'model.quadrants.fitHigh', message: 'Too big' }] },
    });
  });

  it('is closed to content scripts and to routes outside the allow-list', async () => {
    const fromPage = await handle({ type: 'api/call', method: 'GET', path: '/v1/tokens' }, CONTENT_SCRIPT);
    expect(fromPage).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    for (const path of ['/v1/leads', '/healthz', 'https://evil.example/v1/model', '/v1/model/../leads']) {
      const answer = await handle({ type: 'api/call', method: 'GET', path }, OPTIONS_PAGE);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
  });
});
