import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, createToken, expectProblem, sha256Hex } from './helpers';

describe('/v1/tokens', () => {
  it('creates a token shown once, storing only its SHA-256', async () => {
    const res = await call('POST', '/v1/tokens', { body: { name: 'Ada (SDR)', role: 'rep' } });
    expect(res.status).toBe(201);
    const created = (await res.json()) as Record<string, string>;
    expect(Object.keys(created).sort()).toEqual(['createdAt', 'id', 'name', 'role', 'token']);
    expect(created).toMatchObject({ name: 'Ada (SDR)', role: 'rep' });
    expect(created.token?.length).toBeGreaterThan(40);

    const row = await env.DB.prepare('SELECT * FROM tokens WHERE id = ?')
      .bind(created.id)
      .first<Record<string, unknown>>();
    expect(row?.token_hash).toBe(await sha256Hex(created.token ?? ''));
    expect(Object.values(row ?? {})).not.toContain(created.token);
  });

  it('lists tokens without secrets or hashes', async () => {
    const created = await createToken('marketer', 'Lin (campaigns)');
    const res = await call('GET', '/v1/tokens');
    expect(res.status).toBe(200);
    const { tokens } = (await res.json()) as { tokens: Record<string, unknown>[] };
    const listed = tokens.find((t) => t.id === created.id);
    expect(listed).toMatchObject({ id: created.id, name: 'Lin (campaigns)', role: 'marketer', revokedAt: null });
    for (const token of tokens) {
      expect(token).not.toHaveProperty('token');
      expect(token).not.toHaveProperty('tokenHash');
      expect(JSON.stringify(token)).not.toContain(created.token);
    }
  });

  it('revokes with 204, then 404; revoked tokens are listed only on request', async () => {
    const created = await createToken('rep');
    expect((await call('DELETE', `/v1/tokens/${created.id}`)).status).toBe(204);
    await expectProblem(await call('DELETE', `/v1/tokens/${created.id}`), 404);
    await expectProblem(await call('DELETE', '/v1/tokens/tok_never_existed'), 404);

    const active = (await (await call('GET', '/v1/tokens')).json()) as { tokens: { id: string }[] };
    expect(active.tokens.map((t) => t.id)).not.toContain(created.id);
    const all = (await (await call('GET', '/v1/tokens?includeRevoked=true')).json()) as {
      tokens: { id: string; revokedAt: string | null }[];
    };
    expect(all.tokens.find((t) => t.id === created.id)?.revokedAt).toEqual(expect.any(String));
  });

  it('rejects an unknown role or an empty name with paths', async () => {
    const problem = await expectProblem(await call('POST', '/v1/tokens', { body: { name: '', role: 'owner' } }), 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['name', 'role']);
  });

  it('audits creation and revocation with who did it', async () => {
    const admin = await createToken('admin', 'ops-lead');
    const createdRes = await call('POST', '/v1/tokens', { token: admin.token, body: { name: 'temp', role: 'rep' } });
    const temp = (await createdRes.json()) as { id: string };
    expect((await call('DELETE', `/v1/tokens/${temp.id}`, { token: admin.token })).status).toBe(204);
    // A second revoke is a 404 and must not be audited again.
    await expectProblem(await call('DELETE', `/v1/tokens/${temp.id}`, { token: admin.token }), 404);

    const { entries } = (await (await call('GET', '/v1/audit?limit=500')).json()) as {
      entries: { action: string; target: string; actor: { id: string; name: string }; detail: unknown }[];
    };
    const forTemp = entries.filter((e) => e.target === temp.id);
    expect(forTemp.map((e) => e.action).sort()).toEqual(['token.create', 'token.revoke']);
    for (const entry of forTemp) expect(entry.actor).toMatchObject({ id: admin.id, name: 'ops-lead' });
    expect(forTemp.find((e) => e.action === 'token.create')?.detail).toEqual({ name: 'temp', role: 'rep' });
  });
});
