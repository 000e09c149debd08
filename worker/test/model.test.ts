import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { type AlignmentModel, defaultModel } from '../../shared';
import { call, createToken, expectProblem } from './helpers';

interface ModelVersionBody {
  version: number;
  hash: string;
  etag: string;
  note: string;
  publishedAt: string | null;
  publishedBy: string | null;
  rollbackOf: number | null;
  model: AlignmentModel;
}

async function liveModel(): Promise<{ etag: string; body: ModelVersionBody }> {
  const res = await call('GET', '/v1/model');
  expect(res.status).toBe(200);
  return { etag: res.headers.get('ETag') ?? '', body: (await res.json()) as ModelVersionBody };
}

function renamed(name: string): AlignmentModel {
  return { ...structuredClone(defaultModel), name };
}

async function publish(model: unknown, note: string, ifMatch?: string, token?: string): Promise<Response> {
  return call('POST', '/v1/model/versions', {
    body: { model, note },
    ...(ifMatch ? { headers: { 'If-Match': ifMatch } } : {}),
    ...(token ? { token } : {}),
  });
}

async function versionCount(): Promise<number> {
  const row = await env.DB.prepare('SELECT COUNT(*) AS n FROM model_versions').first<{ n: number }>();
  return row?.n ?? 0;
}

describe('GET /v1/model', () => {
  it('serves the live model with a strong ETag "v<version>-<hash>"', async () => {
    const { etag, body } = await liveModel();
    expect(etag).toMatch(/^"v\d+-[0-9a-f]{16}"$/);
    expect(etag).toBe(`"v${body.version}-${body.hash.slice(0, 16)}"`);
    expect(body.etag).toBe(etag);
    expect(body.model.quadrants.fitHigh).toEqual(expect.any(Number));
  });

  it('answers 304 with no body to a matching If-None-Match (strong, weak or in a list)', async () => {
    const { etag } = await liveModel();
    for (const tag of [etag, `W/${etag}`, `"v999-x", ${etag}`]) {
      const res = await call('GET', '/v1/model', { headers: { 'If-None-Match': tag } });
      expect(res.status).toBe(304);
      expect(res.headers.get('ETag')).toBe(etag);
      expect(await res.text()).toBe('');
    }
    expect((await call('GET', '/v1/model', { headers: { 'If-None-Match': '"v0-0000000000000000"' } })).status).toBe(
      200,
    );
  });
});

describe('POST /v1/model/versions', () => {
  it('publishes a valid model as the next version and serves it', async () => {
    const before = await liveModel();
    const res = await publish(renamed('Acme alignment v-next'), 'rename', before.etag);
    expect(res.status).toBe(201);
    const published = (await res.json()) as ModelVersionBody;
    expect(published.version).toBe(before.body.version + 1);
    expect(published).toMatchObject({ note: 'rename', publishedBy: 'bootstrap-admin', rollbackOf: null });
    expect(res.headers.get('ETag')).toBe(published.etag);
    expect(res.headers.get('Location')).toBe(`/v1/model/versions/${published.version}`);

    const after = await liveModel();
    expect(after.body.version).toBe(published.version);
    expect(after.body.model.name).toBe('Acme alignment v-next');
    expect(after.etag).not.toBe(before.etag);
    const health = (await (await call('GET', '/healthz', { token: null })).json()) as { modelVersion: number };
    expect(health.modelVersion).toBe(published.version);
  });

  it('rejects an invalid model with 400 naming the field, and writes nothing', async () => {
    const countBefore = await versionCount();
    const model = structuredClone(defaultModel) as unknown as { quadrants: { fitHigh: unknown } };
    model.quadrants.fitHigh = 150;
    const problem = await expectProblem(await publish(model, 'broken'), 400);
    expect(problem.errors?.map((e) => e.path)).toContain('model.quadrants.fitHigh');
    expect(await versionCount()).toBe(countBefore);
  });

  it('rejects a body without a model', async () => {
    const problem = await expectProblem(await call('POST', '/v1/model/versions', { body: { note: 'nothing' } }), 400);
    expect(problem.errors?.map((e) => e.path)).toContain('model');
  });

  it('answers 412 to a stale If-Match and tells the live version', async () => {
    const stale = (await liveModel()).etag;
    expect((await publish(renamed('first'), 'first', stale)).status).toBe(201);
    const countBefore = await versionCount();
    const res = await publish(renamed('second'), 'second', stale);
    const problem = await expectProblem(res, 412);
    const live = await liveModel();
    expect(problem.currentEtag).toBe(live.etag);
    expect(problem.currentVersion).toBe(live.body.version);
    expect(await versionCount()).toBe(countBefore);
    await expectProblem(await publish(renamed('weak'), 'weak', `W/${live.etag}`), 412);
  });

  it('lets exactly one of several concurrent publishes with the same If-Match win', async () => {
    const { etag, body } = await liveModel();
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) => publish(renamed(`racer ${i}`), `racer ${i}`, etag)),
    );
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 412, 412, 412, 412, 412]);
    const winner = attempts.find((r) => r.status === 201);
    const won = (await winner?.json()) as ModelVersionBody;
    expect(won.version).toBe(body.version + 1);
    const audit = await env.DB.prepare(
      "SELECT COUNT(*) AS n FROM audit_log WHERE target = ? AND action = 'model.publish'",
    )
      .bind(`model:v${won.version}`)
      .first<{ n: number }>();
    expect(audit?.n).toBe(1);
  });

  it('without If-Match, concurrent publishes all land on distinct versions', async () => {
    const { body } = await liveModel();
    const attempts = await Promise.all(Array.from({ length: 3 }, (_, i) => publish(renamed(`free ${i}`), `free ${i}`)));
    expect(attempts.map((r) => r.status)).toEqual([201, 201, 201]);
    const versions = await Promise.all(attempts.map(async (r) => ((await r.json()) as ModelVersionBody).version));
    expect(new Set(versions).size).toBe(3);
    for (const version of versions) expect(version).toBeGreaterThan(body.version);
  });

  it('rejects non-JSON content types with 415', async () => {
    const res = await call('POST', '/v1/model/versions', {
      rawBody: 'model=1',
      headers: { 'Content-Type': 'text/plain' },
    });
    await expectProblem(res, 415);
  });
});

describe('history and rollback', () => {
  it('lists versions newest first and fetches one; 404 for a missing version', async () => {
    await publish(renamed('history a'), 'a');
    await publish(renamed('history b'), 'b');
    const res = await call('GET', '/v1/model/versions?limit=2');
    const { versions } = (await res.json()) as { versions: ModelVersionBody[] };
    expect(versions).toHaveLength(2);
    expect(versions[0]?.version).toBeGreaterThan(versions[1]?.version ?? Infinity);
    expect(versions[0]).toMatchObject({ note: 'b', publishedBy: 'bootstrap-admin' });
    expect(versions[0]).not.toHaveProperty('model');

    const one = await call('GET', `/v1/model/versions/${versions[1]?.version}`);
    expect(one.status).toBe(200);
    expect(((await one.json()) as ModelVersionBody).model.name).toBe('history a');

    await expectProblem(await call('GET', '/v1/model/versions/99999'), 404);
    await expectProblem(await call('GET', '/v1/model/versions/abc'), 400);
  });

  it('rolls back by publishing a copy of the old version as a new one, audited', async () => {
    const oldRes = await publish(renamed('worth keeping'), 'good one');
    const old = (await oldRes.json()) as ModelVersionBody;
    await publish(renamed('regrettable'), 'bad one');
    const live = await liveModel();

    const admin = await createToken('admin', 'rollback-admin');
    const res = await call('POST', '/v1/model/rollback', {
      token: admin.token,
      body: { version: old.version, note: 'undo the bad one' },
      headers: { 'If-Match': live.etag },
    });
    expect(res.status).toBe(201);
    const rolled = (await res.json()) as ModelVersionBody;
    expect(rolled.version).toBe(live.body.version + 1);
    expect(rolled).toMatchObject({
      rollbackOf: old.version,
      hash: old.hash,
      note: 'undo the bad one',
      publishedBy: 'rollback-admin',
    });
    expect((await liveModel()).body.model.name).toBe('worth keeping');

    const { entries } = (await (await call('GET', '/v1/audit?action=model.rollback')).json()) as {
      entries: { target: string; actor: { name: string }; detail: { rollbackOf: number } }[];
    };
    expect(entries[0]).toMatchObject({
      target: `model:v${rolled.version}`,
      actor: { name: 'rollback-admin' },
      detail: { rollbackOf: old.version },
    });
  });

  it('rolls back to version 0, the built-in default model', async () => {
    await publish(renamed('anything else'), 'drift');
    const res = await call('POST', '/v1/model/rollback', { body: { version: 0 } });
    expect(res.status).toBe(201);
    const rolled = (await res.json()) as ModelVersionBody;
    expect(rolled).toMatchObject({ rollbackOf: 0, note: 'Rollback to version 0' });
    expect((await liveModel()).body.model).toEqual(defaultModel);
  });

  it('404 when rolling back to a version that does not exist', async () => {
    await expectProblem(await call('POST', '/v1/model/rollback', { body: { version: 4242 } }), 404);
  });

  it('audits every publish with the version, note and publisher', async () => {
    const res = await publish(renamed('audited'), 'audited publish');
    const published = (await res.json()) as ModelVersionBody;
    const { entries } = (await (await call('GET', '/v1/audit?action=model.publish&limit=500')).json()) as {
      entries: { target: string; actor: { id: string }; detail: { version: number; note: string } }[];
    };
    const entry = entries.find((e) => e.target === `model:v${published.version}`);
    expect(entry).toMatchObject({
      actor: { id: 'bootstrap' },
      detail: { version: published.version, note: 'audited publish' },
    });
  });
});
