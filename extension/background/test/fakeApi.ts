import { type AlignmentModel, type Lead, type LeadEvent, score } from '../../../shared';
import { testModel } from './testModel';

export const API_URL = 'https://api.leadlens.test';
export const GOOD_TOKEN = 'token-good';

/** What the fake does to one request instead of answering it normally. */
export type Fault =
  | 'network'
  /** The request never reaches the server and never settles (the worker was stopped mid-send). */
  | 'lost-request'
  /** The server applies the request but the response never arrives (stopped while waiting). */
  | 'lost-response'
  | { status: number; body?: unknown; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

interface StoredLead {
  lead: Lead;
  events: LeadEvent[];
  /** Send the events with lookups (lets the extension rescore locally). */
  sendEvents: boolean;
}

export interface Deferred {
  release: () => void;
}

/**
 * An in-memory Leadlens API behind a `fetch` function: model with ETags, lookups, attempts and
 * transitions honouring `Idempotency-Key` as the real API does (a repeated key is answered, not
 * applied again). Faults are queued per path prefix and used up one request each.
 */
export class FakeApi {
  token = GOOD_TOKEN;
  model: AlignmentModel = testModel();
  modelVersion = 1;
  readonly requests: RecordedRequest[] = [];
  /** How many times each idempotency key changed server state (must end at 1). */
  readonly applied = new Map<string, number>();
  /** Every idempotency key that reached the server, in order, repeats included. */
  readonly receivedKeys: string[] = [];
  readonly writes: { key: string; leadId: string; kind: 'attempt' | 'transition'; body: unknown }[] = [];
  private readonly leads = new Map<string, StoredLead>();
  private readonly faults: { prefix: string; fault: Fault }[] = [];
  private readonly holds: { prefix: string; gate: Promise<void> }[] = [];
  now = () => Date.parse('2025-06-01T12:00:00Z');

  readonly fetch: typeof fetch = async (input, init) => this.handle(input, init);

  etag(): string {
    return `"v${this.modelVersion}"`;
  }

  publish(model: AlignmentModel): void {
    this.model = model;
    this.modelVersion++;
  }

  addLead(lead: Lead, events: LeadEvent[] = [], sendEvents = false): void {
    const stored = { lead, events, sendEvents };
    this.leads.set(`email:${lead.email}`, stored);
    if (lead.linkedinUrl) this.leads.set(`linkedin:${lead.linkedinUrl}`, stored);
  }

  /** The admin erased the lead (right to erasure): lookups by any key answer 404 from now on. */
  removeLead(email: string): void {
    const stored = this.leads.get(`email:${email}`);
    for (const [key, value] of this.leads) if (value === stored) this.leads.delete(key);
  }

  updateLead(email: string, patch: Partial<Lead>): void {
    const stored = this.leads.get(`email:${email}`);
    if (!stored) throw new Error(`no lead ${email}`);
    Object.assign(stored.lead, patch);
  }

  fail(prefix: string, fault: Fault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push({ prefix, fault });
  }

  /** Holds requests under `prefix` until `release()`; lets a test see what happens while one is in flight. */
  hold(prefix: string): Deferred {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ prefix, gate });
    return {
      release: () => {
        this.holds.splice(
          this.holds.findIndex((h) => h.gate === gate),
          1,
        );
        release();
      },
    };
  }

  requestsTo(prefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(prefix));
  }

  private async handle(input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const path = url.pathname + url.search;
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const method = init?.method ?? 'GET';

    const faultIndex = this.faults.findIndex((f) => path.startsWith(f.prefix));
    const fault = faultIndex >= 0 ? this.faults.splice(faultIndex, 1)[0]?.fault : undefined;
    if (fault === 'lost-request') return new Promise<Response>(() => {});
    if (fault === 'network') throw new TypeError('Failed to fetch');

    this.requests.push({ method, path, headers, body });
    for (const hold of this.holds.filter((h) => path.startsWith(h.prefix))) await hold.gate;

    if (fault && typeof fault === 'object')
      return json(fault.body ?? problem(fault.status), fault.status, fault.headers);
    const response = this.route(method, url, headers, body);
    if (fault === 'lost-response') return new Promise<Response>(() => {});
    return response;
  }

  private applyTransition(leadId: string, transition: { to: string; status?: string }): void {
    for (const stored of new Set(this.leads.values())) {
      if (stored.lead.id !== leadId) continue;
      stored.lead.lifecycleStage = transition.to;
      if (transition.status) stored.lead.leadStatus = transition.status;
    }
  }

  private route(method: string, url: URL, headers: Headers, body: unknown): Response {
    if (url.pathname === '/healthz') return json({ ok: true, modelVersion: this.modelVersion });
    if (headers.get('authorization') !== `Bearer ${this.token}`) return json(problem(401, 'Unauthorized'), 401);

    if (method === 'GET' && url.pathname === '/v1/model') {
      const etag = this.etag();
      if (headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
      return json(
        {
          version: this.modelVersion,
          hash: 'h',
          note: '',
          publishedAt: '2025-06-01T00:00:00Z',
          publishedBy: 'admin',
          rollbackOf: null,
          etag,
          model: this.model,
        },
        200,
        { etag },
      );
    }

    if (method === 'GET' && url.pathname === '/v1/leads/lookup') {
      const email = url.searchParams.get('email');
      const linkedin = url.searchParams.get('linkedin');
      const stored = this.leads.get(email ? `email:${email}` : `linkedin:${linkedin}`);
      if (!stored) return json(problem(404, 'No such lead'), 404);
      const result = score(this.model, stored.lead, stored.events, new Date(this.now()), {
        modelVersion: this.modelVersion,
      });
      return json({ lead: stored.lead, score: result, ...(stored.sendEvents ? { events: stored.events } : {}) });
    }

    const write = /^\/v1\/leads\/([^/]+)\/(attempts|transitions)$/.exec(url.pathname);
    if (method === 'POST' && write) {
      const key = headers.get('idempotency-key') ?? '';
      this.receivedKeys.push(key);
      const leadId = decodeURIComponent(write[1] ?? '');
      if (!this.applied.has(key)) {
        this.applied.set(key, 1);
        const kind = write[2] === 'attempts' ? 'attempt' : 'transition';
        this.writes.push({ key, leadId, kind, body });
        if (kind === 'transition') this.applyTransition(leadId, body as { to: string; status?: string });
      }
      return json({ ok: true }, 201);
    }
    return json(problem(404, 'Not found'), 404);
  }
}

export function problem(status: number, detail = `Status ${status}`) {
  return { type: 'about:blank', title: `HTTP ${status}`, status, detail };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType, ...headers } });
}

export const ACME_CTO: Lead = {
  id: 'lead_1',
  email: 'ada@acme.test',
  name: 'Ada Lovelace',
  company: 'Acme',
  industry: 'software',
  employees: 500,
  lifecycleStage: 'lead',
};
