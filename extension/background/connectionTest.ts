import type { ConnectionTestResult } from '../lib/messages';
import type { ApiClient } from './apiClient';
import { isApiError } from './apiErrors';

/**
 * The options page's "test connection": is the API there (`/healthz`) and does it accept
 * this token (`/v1/model`)? Runs in the background with the URL and token as typed, so
 * nothing needs saving first.
 */
export async function testConnection(api: ApiClient, apiUrl: string, token: string): Promise<ConnectionTestResult> {
  const connection = { apiUrl, token };
  const result: ConnectionTestResult = {
    ok: false,
    reachable: false,
    authorized: false,
    modelVersion: null,
    error: null,
  };
  try {
    const health = await api.healthz(connection);
    result.reachable = health.ok;
    const model = await api.getModel(null, connection);
    result.authorized = true;
    result.modelVersion = model.changed ? model.body.version : (health.modelVersion ?? null);
    result.ok = result.reachable;
    if (!result.reachable) {
      result.error = { kind: 'retryable', message: 'The API answered /healthz without ok: true.', status: null };
    }
  } catch (error) {
    result.error = isApiError(error)
      ? { kind: error.kind, message: error.message, status: error.status }
      : { kind: 'error', message: error instanceof Error ? error.message : String(error), status: null };
  }
  return result;
}
