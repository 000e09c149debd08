import { createContext, useContext } from 'react';
import type { ProspectFacts } from '../../shared';
import {
  type ApiCallResult,
  type ConnectionStatus,
  type ConnectionTestResult,
  type InsightResponse,
  type OutboxState,
  sendToBackground,
} from '../lib/messages';

export type ApiMethod = 'GET' | 'POST' | 'DELETE';

/**
 * Everything the options page and popup ask of the background. Pages never hold the API
 * client; component tests pass a fake through `OptionsApiContext`.
 */
export interface OptionsApi {
  call(method: ApiMethod, path: string, options?: { body?: unknown; ifMatch?: string }): Promise<ApiCallResult>;
  testConnection(apiUrl: string, token: string): Promise<ConnectionTestResult>;
  disconnect(): Promise<ConnectionStatus>;
  status(): Promise<ConnectionStatus>;
  outbox(): Promise<OutboxState>;
  insight(facts: ProspectFacts, locale: string): Promise<InsightResponse>;
}

export const backgroundApi: OptionsApi = {
  call: (method, path, options = {}) =>
    sendToBackground({
      type: 'api/call',
      method,
      path,
      ...(options.body === undefined ? {} : { body: options.body }),
      ...(options.ifMatch ? { ifMatch: options.ifMatch } : {}),
    }),
  testConnection: (apiUrl, token) => sendToBackground({ type: 'connection/test', apiUrl, token }),
  disconnect: () => sendToBackground({ type: 'connection/disconnect' }),
  status: () => sendToBackground({ type: 'connection/status' }),
  outbox: () => sendToBackground({ type: 'outbox/state' }),
  insight: (facts, locale) => sendToBackground({ type: 'insight/refresh', facts, locale }),
};

export const OptionsApiContext = createContext<OptionsApi>(backgroundApi);

export function useOptionsApi(): OptionsApi {
  return useContext(OptionsApiContext);
}

/** Thrown by the typed helpers when the API refused; carries what the page shows. */
export class ApiCallError extends Error {
  constructor(readonly result: ApiCallResult) {
    super(result.message ?? `The Leadlens API answered ${result.status ?? 'nothing'}.`);
    this.name = 'ApiCallError';
  }
}

/** The body of a successful call; throws `ApiCallError` otherwise. */
export async function callOrThrow<T>(
  api: OptionsApi,
  method: ApiMethod,
  path: string,
  options?: { body?: unknown; ifMatch?: string },
): Promise<{ body: T; etag: string | null }> {
  const result = await api.call(method, path, options);
  if (!result.ok) throw new ApiCallError(result);
  return { body: result.body as T, etag: result.etag };
}
