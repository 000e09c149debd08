import {
  type AlignmentModel,
  defaultModel,
  type ImpactLead,
  type ModelPreview,
  modelImpact,
  validateModel,
} from '../../../shared';
import type {
  ApiCallResult,
  ConnectionStatus,
  ConnectionTestResult,
  InsightResponse,
  OutboxState,
} from '../../lib/messages';
import type { ApiMethod, OptionsApi } from '../api';

interface StoredVersion {
  version: number;
  model: AlignmentModel;
  note: string;
  publishedBy: string;
  publishedAt: string;
}

const ok = (status: number, body: unknown, etag: string | null = null): ApiCallResult => ({
  ok: true,
  status,
  etag,
  body,
  kind: null,
  message: null,
  errors: [],
});

const fail = (status: number, message: string, errors: ApiCallResult['errors'] = []): ApiCallResult => ({
  ok: false,
  status,
  etag: null,
  body: null,
  kind: status === 401 ? 'unauthorized' : 'rejected',
  message,
  errors,
});

/**
 * The model-history part of the Leadlens API in memory, as the options page sees it through
 * `api/call`: versions with ETags, publish with If-Match (412 when stale), rollback, tokens.
 */
export class FakeOptionsApi implements OptionsApi {
  versions: StoredVersion[] = [
    {
      version: 1,
      model: defaultModel,
      note: 'first',
      publishedBy: 'bootstrap-admin',
      publishedAt: '2025-05-01T00:00:00.000Z',
    },
  ];
  role: 'admin' | 'rep' | 'marketer' = 'admin';
  readonly calls: { method: ApiMethod; path: string; body?: unknown; ifMatch?: string }[] = [];
  testResult: ConnectionTestResult | (() => Promise<ConnectionTestResult>) = {
    ok: true,
    reachable: true,
    authorized: true,
    modelVersion: 1,
    role: 'admin',
    error: null,
  };
  connection: ConnectionStatus = {
    state: 'connected',
    apiOrigin: 'https://api.leadlens.test',
    modelVersion: 1,
    modelFetchedAt: 0,
  };
  insightAnswer: InsightResponse | null = null;
  disconnects = 0;
  /** The stored leads `POST /v1/model/preview` compares (with the shared engine, as the Worker does). */
  storedLeads: ImpactLead[] = [];
  /** Scoring instant of previews, fixed so tests can work out the expected counts. */
  previewAt = '2025-06-01T12:00:00.000Z';
  /** When set, previews fail this way (a fault the in-memory API cannot cause otherwise). */
  previewFailure: ApiCallResult | null = null;

  etagOf(version: number): string {
    return `"v${version}-hash"`;
  }

  live(): StoredVersion {
    return this.versions[this.versions.length - 1] as StoredVersion;
  }

  /** Someone else publishes (another admin in another browser). */
  publishElsewhere(model: AlignmentModel, note = 'elsewhere'): void {
    this.versions.push({
      version: this.live().version + 1,
      model,
      note,
      publishedBy: 'other-admin',
      publishedAt: new Date().toISOString(),
    });
  }

  private body(v: StoredVersion) {
    return {
      version: v.version,
      hash: 'hash',
      etag: this.etagOf(v.version),
      note: v.note,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy,
      rollbackOf: null,
      model: v.model,
    };
  }

  async call(method: ApiMethod, path: string, options: { body?: unknown; ifMatch?: string } = {}) {
    this.calls.push({ method, path, ...options });
    const live = this.live();
    if (method === 'GET' && path === '/v1/model') return ok(200, this.body(live), this.etagOf(live.version));
    if (method === 'GET' && path.startsWith('/v1/model/versions/')) {
      const found = this.versions.find((v) => v.version === Number(path.split('/').pop()));
      return found ? ok(200, this.body(found), this.etagOf(found.version)) : fail(404, 'no such version');
    }
    if (method === 'GET' && path.startsWith('/v1/model/versions')) {
      const versions = [...this.versions].reverse().map(({ model: _model, ...rest }) => ({
        ...rest,
        hash: 'hash',
        rollbackOf: null,
      }));
      return ok(200, { versions, nextBefore: null });
    }
    if (method === 'POST' && path === '/v1/model/versions') {
      if (this.role !== 'admin') return fail(403, `This needs the admin role; the token "t" has ${this.role}.`);
      if (options.ifMatch && options.ifMatch !== this.etagOf(live.version)) {
        return fail(412, `The model changed since you loaded it: version ${live.version} is live now.`);
      }
      const { model, note } = options.body as { model: unknown; note: string };
      const checked = validateModel(model);
      if (!checked.ok) {
        return fail(
          400,
          'The model is not valid.',
          checked.errors.map((e) => ({ ...e, path: `model.${e.path}` })),
        );
      }
      this.versions.push({
        version: live.version + 1,
        model: checked.model,
        note,
        publishedBy: 'me',
        publishedAt: new Date().toISOString(),
      });
      return ok(201, this.body(this.live()), this.etagOf(live.version + 1));
    }
    if (method === 'POST' && path === '/v1/model/rollback') {
      if (options.ifMatch && options.ifMatch !== this.etagOf(live.version)) return fail(412, 'stale');
      const { version, note } = options.body as { version: number; note: string };
      const target = this.versions.find((v) => v.version === version);
      if (!target) return fail(404, 'no such version');
      this.versions.push({
        version: live.version + 1,
        model: target.model,
        note,
        publishedBy: 'me',
        publishedAt: new Date().toISOString(),
      });
      return ok(201, this.body(this.live()), this.etagOf(live.version + 1));
    }
    if (method === 'POST' && path === '/v1/model/preview') {
      if (this.role !== 'admin') return fail(403, `This needs the admin role; the token "t" has ${this.role}.`);
      if (this.previewFailure) return this.previewFailure;
      const checked = validateModel((options.body as { model?: unknown } | undefined)?.model);
      if (!checked.ok) {
        return fail(
          400,
          'The model is not valid.',
          checked.errors.map((e) => ({ ...e, path: `model.${e.path}` })),
        );
      }
      const impact = modelImpact(live.model, checked.model, this.storedLeads, this.previewAt);
      const preview: ModelPreview = {
        ...impact,
        leadsTotal: this.storedLeads.length,
        truncated: false,
        liveVersion: live.version,
        at: this.previewAt,
      };
      return ok(200, preview);
    }
    if (method === 'GET' && path.startsWith('/v1/tokens')) {
      return this.role === 'admin'
        ? ok(200, { tokens: [] })
        : fail(403, `This needs the admin role; the token "t" has ${this.role}.`);
    }
    return fail(404, `not faked: ${method} ${path}`);
  }

  async testConnection(): Promise<ConnectionTestResult> {
    return typeof this.testResult === 'function' ? this.testResult() : this.testResult;
  }

  async disconnect(): Promise<ConnectionStatus> {
    this.disconnects++;
    this.connection = { state: 'unconfigured', apiOrigin: null, modelVersion: null, modelFetchedAt: null };
    return this.connection;
  }

  async status(): Promise<ConnectionStatus> {
    return this.connection;
  }

  async outbox(): Promise<OutboxState> {
    return { pending: 2, failed: 0, paused: false, lastError: null, items: [] };
  }

  async insight(): Promise<InsightResponse> {
    if (!this.insightAnswer) throw new Error('no insight faked');
    return this.insightAnswer;
  }
}
