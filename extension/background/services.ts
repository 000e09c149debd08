import { type Connection, clearConnection, loadConnection } from '../lib/connection';
import type { ConnectionStatus } from '../lib/messages';
import { ApiClient, apiRoot } from './apiClient';
import { AuthState } from './authState';
import { LeadlensDb } from './db';
import { InsightService } from './insights';
import { ModelSync } from './modelSync';
import { createBrowserNotifier, type Notifier } from './notifier';
import { Outbox } from './outbox';

export interface BackgroundServices {
  db: LeadlensDb;
  api: ApiClient;
  authState: AuthState;
  modelSync: ModelSync;
  insights: InsightService;
  outbox: Outbox;
  notifier: Notifier;
  now: () => number;
  getConnection: () => Promise<Connection | null>;
  clearConnection: () => Promise<void>;
}

export interface BackgroundServiceOptions {
  db?: LeadlensDb;
  fetch?: typeof fetch;
  notifier?: Notifier;
  now?: () => number;
  getConnection?: () => Promise<Connection | null>;
  clearConnection?: () => Promise<void>;
  scheduleOutboxWake?: (at: number) => void;
  random?: () => number;
  timeoutMs?: number;
  ttlMs?: number;
}

/** Builds the background's parts over one database; tests pass fakes for the edges (fetch, clock, pages). */
export function createBackgroundServices(options: BackgroundServiceOptions = {}): BackgroundServices {
  const db = options.db ?? new LeadlensDb();
  const now = options.now ?? Date.now;
  const notifier = options.notifier ?? createBrowserNotifier();
  const getConnection = options.getConnection ?? loadConnection;
  const authState = new AuthState(db);

  const api = new ApiClient({
    getConnection,
    fetch: options.fetch,
    now,
    timeoutMs: options.timeoutMs,
    onUnauthorized: async () => {
      const wasUnauthorized = (await authState.status()) === 'unauthorized';
      await authState.markUnauthorized();
      if (!wasUnauthorized)
        await notifier.broadcast({ type: 'push/connectionChanged', status: await connectionStatus() });
    },
  });
  const modelSync = new ModelSync({ db, api, notifier, now });
  const insights = new InsightService({ db, api, modelSync, authState, notifier, now, ttlMs: options.ttlMs });
  const outbox = new Outbox({
    db,
    api,
    authState,
    notifier,
    now,
    random: options.random,
    scheduleWake: options.scheduleOutboxWake ?? (() => undefined),
    onDelivered: (action) => {
      void insights.refreshLead(action.leadId);
    },
  });

  async function connectionStatus(): Promise<ConnectionStatus> {
    return describeConnection({ db, authState, getConnection });
  }

  return {
    db,
    api,
    authState,
    modelSync,
    insights,
    outbox,
    notifier,
    now,
    getConnection,
    clearConnection: options.clearConnection ?? clearConnection,
  };
}

export async function describeConnection(
  services: Pick<BackgroundServices, 'db' | 'authState' | 'getConnection'>,
): Promise<ConnectionStatus> {
  const [connection, auth, model] = await Promise.all([
    services.getConnection(),
    services.authState.status(),
    services.db.model.get('current'),
  ]);
  return {
    state: !connection ? 'unconfigured' : auth === 'unauthorized' ? 'unauthorized' : 'connected',
    apiOrigin: connection ? originOf(connection.apiUrl) : null,
    modelVersion: model?.version ?? null,
    modelFetchedAt: model?.fetchedAt ?? null,
  };
}

function originOf(apiUrl: string): string | null {
  try {
    return new URL(apiRoot(apiUrl)).origin;
  } catch {
    return null;
  }
}
