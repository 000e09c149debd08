import { describe, expect, it } from 'vitest';
import { call, createToken, expectProblem } from './helpers';

describe('authentication', () => {
  it('401 without a token, with WWW-Authenticate: Bearer', async () => {
    const res = await call('GET', '/v1/model', { token: null });
    const problem = await expectProblem(res, 401);
    expect(res.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    expect(problem.detail).toMatch(/Bearer/);
  });

  it('401 with an unknown token or a non-bearer scheme', async () => {
    const bad = await call('GET', '/v1/model', { token: 'll_not-a-real-token' });
    await expectProblem(bad, 401);
    expect(bad.headers.get('WWW-Authenticate')).toContain('invalid_token');

    const basic = await call('GET', '/v1/model', { token: null, headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    await expectProblem(basic, 401);
  });

  it('401 once a token is revoked', async () => {
    const rep = await createToken('rep');
    expect((await call('GET', '/v1/model', { token: rep.token })).status).toBe(200);
    expect((await call('DELETE', `/v1/tokens/${rep.id}`)).status).toBe(204);
    await expectProblem(await call('GET', '/v1/model', { token: rep.token }), 401);
  });

  it('does not need a token for the OpenAPI document or /healthz', async () => {
    expect((await call('GET', '/v1/openapi.json', { token: null })).status).toBe(200);
    expect((await call('GET', '/healthz', { token: null })).status).toBe(200);
  });
});

describe('roles (rep < marketer < admin)', () => {
  it('lets a rep read the model but not publish, manage tokens or read the audit log', async () => {
    const rep = await createToken('rep');
    expect((await call('GET', '/v1/model', { token: rep.token })).status).toBe(200);
    expect((await call('GET', '/v1/model/versions', { token: rep.token })).status).toBe(200);
    const forbidden = await expectProblem(
      await call('POST', '/v1/model/versions', { token: rep.token, body: { model: {}, note: 'x' } }),
      403,
    );
    expect(forbidden.requiredRole).toBe('admin');
    await expectProblem(
      await call('POST', '/v1/tokens', { token: rep.token, body: { name: 'x', role: 'admin' } }),
      403,
    );
    await expectProblem(await call('GET', '/v1/tokens', { token: rep.token }), 403);
    await expectProblem(await call('GET', '/v1/audit', { token: rep.token }), 403);
  });

  it('lets a marketer read but not do admin work', async () => {
    const marketer = await createToken('marketer');
    expect((await call('GET', '/v1/model', { token: marketer.token })).status).toBe(200);
    await expectProblem(await call('POST', '/v1/model/rollback', { token: marketer.token, body: { version: 0 } }), 403);
    await expectProblem(await call('DELETE', '/v1/tokens/tok_x', { token: marketer.token }), 403);
  });

  it('lets a named admin token do admin work', async () => {
    const admin = await createToken('admin');
    expect((await call('GET', '/v1/tokens', { token: admin.token })).status).toBe(200);
    expect((await call('GET', '/v1/audit', { token: admin.token })).status).toBe(200);
  });

  it('checks the role before validating the body', async () => {
    const rep = await createToken('rep');
    await expectProblem(
      await call('POST', '/v1/tokens', {
        token: rep.token,
        rawBody: '{oops',
        headers: { 'Content-Type': 'application/json' },
      }),
      403,
    );
  });
});
