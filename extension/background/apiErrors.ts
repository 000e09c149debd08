import { type FieldError, PROBLEM_TYPES } from '../../shared';

/**
 * How a failed API call should be treated:
 * - `not_configured`: no API URL or token saved yet;
 * - `unauthorized`: 401, the token is wrong or revoked: the user must reconnect, queued writes wait;
 * - `retryable`: network down, timeout, 408, 429 or 5xx: try again later;
 * - `not_found`: 404;
 * - `rejected`: any other 4xx: retrying the same request cannot succeed.
 */
export type ApiErrorKind = 'not_configured' | 'unauthorized' | 'retryable' | 'not_found' | 'rejected';

/** The parts of an RFC 9457 problem document the extension shows or acts on. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status: number | null = null,
    readonly problem: Problem | null = null,
    /** From `Retry-After`, when the server said how long to wait. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, kind?: ApiErrorKind): error is ApiError {
  return error instanceof ApiError && (kind === undefined || error.kind === kind);
}

export function kindForStatus(status: number, problemType?: string): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 408 || status === 429 || status >= 500) return 'retryable';
  // A duplicate that arrived while the first request with its Idempotency-Key was still running:
  // not a refusal, a retry later gets the first request's answer.
  if (status === 409 && problemType === PROBLEM_TYPES.requestInProgress) return 'retryable';
  return 'rejected';
}

/**
 * IndexedDB refused a write because the browser's storage quota is used up. Dexie wraps the
 * DOMException as `QuotaExceededError` (sometimes as the `inner` of an abort).
 */
export function isQuotaError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; depth++) {
    const named = e as { name?: unknown; inner?: unknown };
    if (named.name === 'QuotaExceededError') return true;
    e = named.inner;
  }
  return false;
}

/** A write the user made could not be stored in the browser (quota): it was not recorded. */
export class StorageFullError extends Error {
  readonly code = 'storage_full';
  constructor(
    message = 'The browser has no room left for Leadlens data, so this was not recorded. Free some disk space and try again.',
  ) {
    super(message);
    this.name = 'StorageFullError';
  }
}

/** A one-line message for people: the problem's detail and first field errors, else its title. */
export function problemMessage(problem: Problem | null, status: number): string {
  if (!problem) return `The Leadlens API answered ${status}.`;
  const main = problem.detail ?? problem.title ?? `The Leadlens API answered ${status}.`;
  const fields = (problem.errors ?? []).slice(0, 3).map((e) => `${e.path}: ${e.message}`);
  return fields.length > 0 ? `${main} (${fields.join('; ')})` : main;
}

export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
