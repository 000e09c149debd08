import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../src/index';
import { createToken } from './helpers';

describe('rate limit over HTTP', () => {
  it('answers 429 problem+json with Retry-After once a token spends its budget', async () => {
    // A dedicated token and a tiny limit passed as a binding for these requests only.
    const { token } = await createToken('rep');
    const lowLimitEnv = { ...env, RATE_LIMIT_PER_MINUTE: '3' };
    const get = () => app.request('/v1/model', { headers: { Authorization: `Bearer ${token}` } }, lowLimitEnv);
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 5; i++) {
      const res = await get();
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(limited?.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1);
    expect(((await limited?.json()) as { status: number } | undefined)?.status).toBe(429);
  });
});
