import { describe, expect, it } from 'vitest';
import { ApiClient, apiRoot } from './apiClient';
import { ApiError } from './apiErrors';

const connection = { apiUrl: 'https://api.leadlens.test/', token: 'tok' };

function clientAnswering(respond: (url: URL, init: RequestInit) => Response | Promise<Response>, timeoutMs?: number) {
  const seen: { url: URL; init: RequestInit }[] = [];
  let unauthorizedCalls = 0;
  const client = new ApiClient({
    getConnection: async () => connection,
    fetch: async (input, init = {}) => {
      const url = new URL(String(input));
      seen.push({ url, init });
      return respond(url, init);
    },
    timeoutMs,
    onUnauthorized: () => {
      unauthorizedCalls++;
    },
  });
  return { client, seen, unauthorized: () => unauthorizedCalls };
}

const problemResponse = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });

describe('ApiClient', () => {
  it('sends the bearer token to the API root however the URL was typed', async () => {
    const { client, seen } = clientAnswering(() => Response.json({ ok: true, modelVersion: 3 }));
    expect(await client.healthz()).toEqual({ ok: true, modelVersion: 3 });
    expect(seen[0]?.url.href).toBe('https://api.leadlens.test/healthz');
    expect(new Headers(seen[0]?.init.headers).get('authorization')).toBe('Bearer tok');
    expect(seen[0]?.init.credentials).toBe('omit');
    expect(apiRoot('https://x.test/v1/')).toBe('https://x.test');
  });

  it('turns problem+json into typed errors: 401 reconnect, 422 rejected with field errors, 5xx retryable', async () => {
    const statuses = [401, 422, 503];
    const { client, unauthorized } = clientAnswering(() => {
      const status = statuses.shift() ?? 500;
      return problemResponse(status, {
        title: 'Nope',
        status,
        detail: `Detail ${status}`,
        errors: status === 422 ? [{ path: 'channel', message: 'Invalid option' }] : undefined,
      });
    });
    const attempt = { channel: 'email' as const, outcome: 'sent' as const };

    const e401 = await client.logAttempt('l1', attempt, 'k1').catch((e: unknown) => e);
    expect(e401).toMatchObject({ kind: 'unauthorized', status: 401, message: 'Detail 401' });
    expect(unauthorized()).toBe(1);

    const e422 = (await client.logAttempt('l1', attempt, 'k1').catch((e: unknown) => e)) as ApiError;
    expect(e422).toBeInstanceOf(ApiError);
    expect(e422.kind).toBe('rejected');
    expect(e422.problem?.errors).toEqual([{ path: 'channel', message: 'Invalid option' }]);
    expect(e422.message).toBe('Detail 422 (channel: Invalid option)');

    await expect(client.logAttempt('l1', attempt, 'k1')).rejects.toMatchObject({ kind: 'retryable', status: 503 });
  });

  it('sends the idempotency key with writes', async () => {
    const { client, seen } = clientAnswering(() => new Response(null, { status: 201 }));
    await client.transition('lead/1', { to: 'sal' }, 'key-123');
    expect(seen[0]?.url.pathname).toBe('/v1/leads/lead%2F1/transitions');
    expect(new Headers(seen[0]?.init.headers).get('idempotency-key')).toBe('key-123');
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ to: 'sal' });
  });

  it('gives up after the timeout and calls it retryable', async () => {
    const { client } = clientAnswering(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
      20,
    );
    await expect(client.healthz()).rejects.toMatchObject({
      kind: 'retryable',
      message: expect.stringMatching(/did not answer/),
    });
  });

  it('says not configured when no connection is saved', async () => {
    const client = new ApiClient({ getConnection: async () => null, fetch: async () => Response.json({}) });
    await expect(client.healthz()).rejects.toMatchObject({ kind: 'not_configured' });
  });

  it('treats a lookup 404 as an unknown person, not an error', async () => {
    const { client, seen } = clientAnswering(() => problemResponse(404, { title: 'Not found', status: 404 }));
    expect(await client.lookupLead({ linkedin: 'https://www.linkedin.com/in/x' })).toBeNull();
    expect(seen[0]?.url.searchParams.get('linkedin')).toBe('https://www.linkedin.com/in/x');
  });
});
