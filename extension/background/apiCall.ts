import type { ApiCallResult } from '../lib/messages';
import type { ApiClient } from './apiClient';
import { isApiError } from './apiErrors';

export interface ApiCallRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Already checked against the allow-list of `api/call` in the message schema. */
  path: string;
  body?: unknown;
  ifMatch?: string;
}

/**
 * One options-page call to the API with the saved token. Failures come back as data (status,
 * message, field errors) rather than thrown, because the page acts on them: a 412 opens the
 * conflict view, a 400 puts messages next to fields.
 */
export async function callApi(api: ApiClient, request: ApiCallRequest): Promise<ApiCallResult> {
  try {
    const response = await api.request(request.method, request.path, {
      ...(request.body === undefined ? {} : { body: request.body }),
      ...(request.ifMatch ? { headers: { 'if-match': request.ifMatch } } : {}),
    });
    const body = response.body as { etag?: unknown } | null;
    return {
      ok: true,
      status: response.status,
      etag: response.headers.get('etag') ?? (typeof body?.etag === 'string' ? body.etag : null),
      body: response.body,
      kind: null,
      message: null,
      errors: [],
    };
  } catch (error) {
    if (isApiError(error)) {
      return {
        ok: false,
        status: error.status,
        etag: null,
        body: error.problem,
        kind: error.kind,
        message: error.message,
        errors: error.problem?.errors ?? [],
      };
    }
    throw error;
  }
}
