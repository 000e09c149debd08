import { describe, expect, it } from 'vitest';
import { call } from './helpers';

describe('GET /healthz', () => {
  it('answers without a token, with the same model version GET /v1/model serves', async () => {
    const res = await call('GET', '/healthz', { token: null });
    expect(res.status).toBe(200);
    const health = (await res.json()) as { ok: boolean; modelVersion: number };
    expect(health.ok).toBe(true);
    expect(Number.isInteger(health.modelVersion)).toBe(true);

    const model = (await (await call('GET', '/v1/model')).json()) as { version: number };
    expect(model.version).toBe(health.modelVersion);
  });
});
