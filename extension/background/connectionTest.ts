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
    role: null,
    error: null,
  };
  try {
    const health = await api.healthz(connection);
    result.reachable = health.ok;
    const model = await api.getModel(null, connection);
    result.authorized = true;
    result.modelVersion = model.changed ? model.body.version : (health.modelVersion ?? null);
    result.role = await probeRole(api, connection);
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

/**
 * The API has no "who am I" route, so the role is inferred: the token list is admin-only
 * (200 → admin); its 403 names the token's role ("… the token "x" has marketer").
 */
export async function probeRole(
  api: ApiClient,
  connection?: { apiUrl: string; token: string },
): Promise<ConnectionTestResult['role']> {
  try {
    await api.request('GET', '/v1/tokens', connection ? { connection } : {});
    return 'admin';
  } catch (error) {
    if (isApiError(error) && error.status === 403) {
      const named = /\bhas (rep|marketer)\b/.exec(error.problem?.detail ?? '')?.[1];
      return named === 'rep' || named === 'marketer' ? named : 'member';
    }
    return null;
  }
}
