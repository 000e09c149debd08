import { env, SELF } from 'cloudflare:test';
import type { Role } from '../../shared';

export const ADMIN_TOKEN = env.ADMIN_TOKEN;

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  /** Sent as is (for malformed or huge bodies). */
  rawBody?: BodyInit;
  headers?: Record<string, string>;
}

/** A request to the Worker under test, authenticated as the bootstrap admin unless told otherwise. */
export function call(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  const token = options.token === undefined ? ADMIN_TOKEN : options.token;
  if (token !== null) headers.set('Authorization', `Bearer ${token}`);
  let body: BodyInit | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  }
  return SELF.fetch(`https://leadlens.test${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
}

export async function createToken(role: Role, name = `${role}-${crypto.randomUUID().slice(0, 8)}`) {
  const res = await call('POST', '/v1/tokens', { body: { name, role } });
  if (res.status !== 201) throw new Error(`token create failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string; name: string; role: Role; token: string; createdAt: string };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

/** Asserts the response is an RFC 9457 problem with `status` and returns its body. */
export async function expectProblem(res: Response, status: number): Promise<ProblemBody> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  const contentType = res.headers.get('Content-Type') ?? '';
  if (!contentType.startsWith('application/problem+json')) throw new Error(`not problem+json: ${contentType}`);
  const body = JSON.parse(text) as ProblemBody;
  if (body.status !== status || typeof body.title !== 'string' || typeof body.type !== 'string') {
    throw new Error(`not a problem body: ${text}`);
  }
  return body;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A short random suffix, so each test's emails and names are its own. */
export const uniqueSuffix = () => crypto.randomUUID().slice(0, 8);

/** Stores one lead (as `token`) with a fresh email under `prefix` and returns its id. */
export async function createLeadAs(token: string, prefix: string, fields: Record<string, unknown> = {}) {
  const res = await call('PUT', '/v1/leads', {
    token,
    body: [{ email: `${prefix}.${uniqueSuffix()}@example.com`, ...fields }],
  });
  if (res.status !== 200) throw new Error(`lead upsert failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { results: { id: string }[] }).results[0]?.id as string;
}
