import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { onError, validationProblem } from '../src/problem';
import { call, expectProblem } from './helpers';

describe('problem+json errors', () => {
  it('answers malformed JSON with 400 problem', async () => {
    const res = await call('POST', '/v1/tokens', {
      rawBody: '{"name": "x", ',
      headers: { 'Content-Type': 'application/json' },
    });
    const problem = await expectProblem(res, 400);
    expect(problem.type).toBe('urn:leadlens:problem:malformed-json');
  });

  it('answers a body over the limit with 413 problem before reading it', async () => {
    const huge = `{"name":"${'x'.repeat(11 * 1024 * 1024)}","role":"rep"}`;
    const res = await call('POST', '/v1/tokens', { rawBody: huge, headers: { 'Content-Type': 'application/json' } });
    await expectProblem(res, 413);
  });

  it('answers unknown routes with 404 problem', async () => {
    const problem = await expectProblem(await call('GET', '/v1/no-such-thing'), 404);
    expect(problem.detail).toContain('/v1/no-such-thing');
  });

  it('keeps CORS headers on errors and answers preflights for the extension', async () => {
    const denied = await call('GET', '/v1/model', { token: null, headers: { Origin: 'chrome-extension://abc' } });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBe('*');

    const preflight = await call('OPTIONS', '/v1/model/versions', {
      token: null,
      headers: {
        Origin: 'chrome-extension://abc',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, if-match, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    const allowed = (preflight.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
    for (const header of ['authorization', 'if-match', 'if-none-match']) expect(allowed).toContain(header);

    const model = await call('GET', '/v1/model', { headers: { Origin: 'chrome-extension://abc' } });
    expect((model.headers.get('Access-Control-Expose-Headers') ?? '').toLowerCase()).toContain('etag');
  });
});

describe('the error handler itself', () => {
  it('turns an unexpected exception into a 500 problem that leaks neither message nor stack', async () => {
    const app = new Hono().onError(onError);
    app.get('/boom', () => {
      throw new Error('db password is hunter2');
    });
    const res = await app.request('/boom');
    const text = await res.clone().text();
    const problem = await expectProblem(res, 500);
    expect(problem.type).toBe('urn:leadlens:problem:internal');
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('renders thrown ProblemErrors with their status, errors and extensions', async () => {
    const app = new Hono().onError(onError);
    app.get('/invalid', () => {
      throw validationProblem([{ path: 'rows.0.email', message: 'must be an email address' }]);
    });
    const problem = await expectProblem(await app.request('/invalid'), 400);
    expect(problem.errors).toEqual([{ path: 'rows.0.email', message: 'must be an email address' }]);
    expect(problem.instance).toBe('/invalid');
  });
});
