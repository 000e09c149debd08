import type { z } from 'zod';
import type { AttemptInput, TransitionInput } from '../../shared';
import type { Connection } from '../lib/connection';
import { ApiError, kindForStatus, type Problem, parseRetryAfter, problemMessage } from './apiErrors';
import { type LookupResponse, LookupResponseSchema, type ModelResponse, ModelResponseSchema } from './apiResponses';

export const DEFAULT_TIMEOUT_MS = 8000;

export interface ApiClientOptions {
  /** Read on every request, so a token saved in the options page is used at once. */
  getConnection: () => Promise<Connection | null>;
  fetch?: typeof fetch;
  timeoutMs?: number;
  now?: () => number;
  /** Called on every 401 so the background can show "reconnect" and pause the outbox. */
  onUnauthorized?: () => void | Promise<void>;
}

export interface RequestOptions {
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the saved connection (used by "test connection" before saving). */
  connection?: Connection;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export type LookupQuery = { email: string } | { linkedin: string };

export type ModelFetch = { changed: false } | { changed: true; etag: string | null; body: ModelResponse };

/** `https://api.example.com/`, `…/v1` and `…/v1/` all name the same API root. */
export function apiRoot(apiUrl: string): string {
  return apiUrl.trim().replace(/\/+$/, '').replace(/\/v1$/, '');
}

/**
 * The only code that talks to the Leadlens API. Lives in the background: the token is read
 * from extension storage here and never sent to content scripts.
 */
export class ApiClient {
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ApiClientOptions) {
    // Bound so `fetch` keeps its global receiver when called as a property.
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? Date.now;
  }

  /** Sends one request; resolves for 2xx and 304, throws `ApiError` for everything else. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<RawResponse> {
    const connection = options.connection ?? (await this.options.getConnection());
    if (!connection)
      throw new ApiError('not_configured', 'Leadlens is not connected: add the API URL and token in the options.');
    let url: URL;
    try {
      url = new URL(apiRoot(connection.apiUrl) + path);
    } catch {
      throw new ApiError('not_configured', `The API URL "${connection.apiUrl}" is not a valid URL.`);
    }
    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      authorization: `Bearer ${connection.token}`,
      ...options.headers,
    };
    if (options.body !== undefined) headers['content-type'] = 'application/json';

    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
        // The token is in the header; never let the browser attach site cookies to API calls.
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (error) {
      const timedOut = controller.signal.aborted;
      throw new ApiError(
        'retryable',
        timedOut
          ? `The Leadlens API did not answer within ${Math.round(this.timeoutMs / 1000)} s.`
          : `The Leadlens API cannot be reached (${error instanceof Error ? error.message : 'network error'}).`,
      );
    } finally {
      clearTimeout(timer);
    }

    const body = await readBody(response);
    if ((response.status >= 200 && response.status < 300) || response.status === 304) {
      return { status: response.status, headers: response.headers, body };
    }
    const problem = asProblem(body);
    const kind = kindForStatus(response.status, problem?.type);
    if (kind === 'unauthorized') await this.options.onUnauthorized?.();
    throw new ApiError(
      kind,
      problemMessage(problem, response.status),
      response.status,
      problem,
      parseRetryAfter(response.headers.get('retry-after'), this.now()),
    );
  }

  async healthz(connection?: Connection): Promise<{ ok: boolean; modelVersion?: number }> {
    const response = await this.request('GET', '/healthz', { connection });
    const body = response.body as { ok?: unknown; modelVersion?: unknown } | null;
    return {
      ok: body?.ok === true,
      ...(typeof body?.modelVersion === 'number' ? { modelVersion: body.modelVersion } : {}),
    };
  }

  /** `GET /v1/model`, conditional on the ETag we hold: `changed: false` for 304. */
  async getModel(etag: string | null, connection?: Connection): Promise<ModelFetch> {
    const response = await this.request('GET', '/v1/model', {
      connection,
      headers: etag ? { 'if-none-match': etag } : {},
    });
    if (response.status === 304) return { changed: false };
    const body = parseOrThrow(ModelResponseSchema, response.body, 'model');
    // Cross-origin, the ETag header is hidden unless the API exposes it; the body carries it too.
    return { changed: true, etag: response.headers.get('etag') ?? body.etag, body };
  }

  /** `GET /v1/leads/lookup`; `null` when the API knows no such person (404). */
  async lookupLead(query: LookupQuery, locale?: string): Promise<LookupResponse | null> {
    const params = new URLSearchParams('email' in query ? { email: query.email } : { linkedin: query.linkedin });
    // The API writes talking points and next action in this language.
    if (locale) params.set('locale', locale);
    try {
      const response = await this.request('GET', `/v1/leads/lookup?${params}`);
      return parseOrThrow(LookupResponseSchema, response.body, 'lead lookup');
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found') return null;
      throw error;
    }
  }

  async logAttempt(leadId: string, attempt: AttemptInput, idempotencyKey: string): Promise<void> {
    await this.request('POST', `/v1/leads/${encodeURIComponent(leadId)}/attempts`, {
      body: attempt,
      headers: { 'idempotency-key': idempotencyKey },
    });
  }

  async transition(leadId: string, transition: TransitionInput, idempotencyKey: string): Promise<void> {
    await this.request('POST', `/v1/leads/${encodeURIComponent(leadId)}/transitions`, {
      body: transition,
      headers: { 'idempotency-key': idempotencyKey },
    });
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 304) return null;
  const text = await response.text().catch(() => '');
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function asProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const problem: Problem = {};
  if (typeof b.type === 'string') problem.type = b.type;
  if (typeof b.title === 'string') problem.title = b.title;
  if (typeof b.status === 'number') problem.status = b.status;
  if (typeof b.detail === 'string') problem.detail = b.detail;
  if (Array.isArray(b.errors)) {
    problem.errors = b.errors
      .filter((e): e is { path: unknown; message: unknown } => typeof e === 'object' && e !== null)
      .map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }));
  }
  return problem;
}

function parseOrThrow<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    // The API is newer or older than this extension: retrying will not help, updating will.
    throw new ApiError('rejected', `The Leadlens API sent a ${what} this extension does not understand.`);
  }
  return parsed.data;
}
