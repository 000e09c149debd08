import type { Context } from 'hono';
import { type FieldError, parseCsvRecords } from '../../shared';
import type { AppEnv } from './env';
import { PROBLEM_TYPES, ProblemError, validationProblem } from './problem';

/**
 * Limits and parsing shared by the batch write routes (lead upserts, CSV import, events, calibration).
 * A batch is capped in rows (so one request stays one bounded D1 transaction) and in bytes.
 */
export const MAX_BATCH_ROWS = 1000;
/**
 * Events are small rows that pipelines send in bulk: a larger batch shares one commit (the fsync and the
 * rewrite of the index and counter pages it touches) among more rows. 5,000 events stay near 1 MiB of JSON.
 */
export const MAX_EVENT_BATCH_ROWS = 5000;
/** Calibration uploads are read-only analyses of past outcomes, so they may be larger. */
export const MAX_CALIBRATION_ROWS = 100_000;
/** Same default as the app-wide body limit in index.ts (10 MiB). */
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface RejectedRow {
  index: number;
  errors: FieldError[];
}

export function maxBodyBytes(c: Context<AppEnv>): number {
  const configured = Number(c.env.MAX_BODY_BYTES);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_MAX_BODY_BYTES;
}

function tooLarge(limit: number): ProblemError {
  return new ProblemError({
    status: 413,
    type: PROBLEM_TYPES.payloadTooLarge,
    title: 'Payload too large',
    detail: `The request body is larger than ${limit} bytes; split it into smaller batches.`,
    extensions: { maxBytes: limit },
  });
}

/** Reads the body as text, refusing (413) anything over the byte limit before and after reading. */
export async function readBodyText(c: Context<AppEnv>, limit = maxBodyBytes(c)): Promise<string> {
  const declared = Number(c.req.header('Content-Length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength > limit) throw tooLarge(limit);
  return new TextDecoder().decode(bytes);
}

export function tooManyRows(rows: number, limit: number, what: string): ProblemError {
  return validationProblem(
    [{ path: '(root)', message: `at most ${limit} ${what} per request (got ${rows})` }],
    `A batch holds at most ${limit} ${what}; split it into several requests.`,
  );
}

/** Parses a JSON body (400 malformed-json problem otherwise). */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError({
      status: 400,
      type: PROBLEM_TYPES.malformedJson,
      title: 'Malformed JSON',
      detail: 'The request body is not valid JSON.',
    });
  }
}

/** Parses a CSV body into records keyed by header (400 naming what is unreadable otherwise). */
export function parseCsvBody(text: string): Record<string, string>[] {
  try {
    return parseCsvRecords(text);
  } catch (error) {
    throw validationProblem(
      [{ path: '(root)', message: error instanceof Error ? error.message : 'unreadable CSV' }],
      'The CSV cannot be read.',
    );
  }
}

/** Parses a JSON array body of at most `maxRows` rows (400 otherwise). */
export function parseJsonArray(text: string, what: string, maxRows = MAX_BATCH_ROWS): unknown[] {
  const body = parseJsonBody(text);
  if (!Array.isArray(body)) throw validationProblem([{ path: '(root)', message: `must be an array of ${what}` }]);
  if (body.length > maxRows) throw tooManyRows(body.length, maxRows, what);
  return body;
}

export function isCsv(c: Context<AppEnv>): boolean {
  const type = c.req.header('Content-Type') ?? '';
  return /^\s*(text\/csv|application\/csv)/i.test(type);
}

export function isJson(c: Context<AppEnv>): boolean {
  const type = c.req.header('Content-Type') ?? '';
  return type.trim() === '' || /^\s*application\/([a-z.+-]*\+)?json/i.test(type);
}

export function unsupportedMediaType(accepted: string[]): ProblemError {
  return new ProblemError({
    status: 415,
    type: PROBLEM_TYPES.unsupportedMediaType,
    title: 'Unsupported media type',
    detail: `Send ${accepted.join(' or ')}.`,
  });
}

/**
 * A batch where no row was accepted is a 400 problem carrying every row's errors (paths prefixed with
 * the row index, e.g. `3.email`) and the per-row report; otherwise the report is a 200.
 */
export function batchReport<T extends object>(
  c: Context<AppEnv>,
  report: T & { rejected: RejectedRow[] },
  acceptedRows: number,
): Response {
  if (acceptedRows === 0 && report.rejected.length > 0) {
    throw new ProblemError({
      status: 400,
      type: PROBLEM_TYPES.validation,
      title: 'Invalid request',
      detail: `None of the ${report.rejected.length} rows is valid; nothing was written.`,
      errors: report.rejected.flatMap((r) => r.errors),
      extensions: { ...report },
    });
  }
  return c.json(report, 200);
}
