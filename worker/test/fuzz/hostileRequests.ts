import { env } from 'cloudflare:test';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModel } from '../../../shared';
import { call, createToken } from '../helpers';

/**
 * Hostile input, property-based: every route gets wrong types, huge and deeply nested values,
 * bytes that are not UTF-8 or not JSON, prototype-pollution keys, CSV with quotes, BOMs and
 * embedded newlines, odd headers and query strings. Each request must end in a 2xx/304 or a
 * problem+json 4xx (never a 5xx), and a rejected request must not change any table.
 * `idempotency_keys` is left out of the comparison: recording the answer to a keyed request,
 * rejections included, is its job.
 */

const RUNS_PER_ROUTE = 40;
/** Per route: the runs are sequential requests, each with two row counts of every table. */
const ROUTE_TIMEOUT_MS = 120_000;
let fuzzed = 0;
let tables: string[] = [];
let token = '';
let leadId = '';

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];

/** Any JSON value, with prototype-pollution keys mixed into objects. */
const nastyKey = fc.oneof(fc.constantFrom(...PROTO_KEYS), fc.string({ maxLength: 12 }));
const { nasty } = fc.letrec((tie) => ({
  nasty: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308, -0),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '\uFEFF',
      '=HYPERLINK("http://evil")',
      'a\r\nb',
      '"',
      "'; DROP TABLE leads;--",
      'x'.repeat(20_000),
    ),
    fc.array(tie('nasty'), { maxLength: 4 }),
    fc.dictionary(nastyKey, tie('nasty'), { maxKeys: 5 }),
  ),
}));

const deepNesting = fc.integer({ min: 50, max: 5_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
const protoJson = fc
  .constantFrom(...PROTO_KEYS)
  .map((k) => `{"${k}":{"polluted":true,"role":"admin"},"email":"p@example.com","lifecycleStage":"mql"}`);

/** A body as raw text or bytes: JSON of anything, broken JSON, invalid UTF-8, BOM-prefixed, deeply nested. */
function rawBody(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    valid.map((v) => JSON.stringify(v)),
    valid.map((v) => `\uFEFF${JSON.stringify(v)}`),
    nasty.map((v) => JSON.stringify(v) ?? 'null'),
    fc.array(nasty, { maxLength: 5 }).map((v) => JSON.stringify(v)),
    fc.uint8Array({ maxLength: 200 }),
    fc.constantFrom(
      new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
      new Uint8Array([0x5b, 0xc3, 0x28, 0x5d]),
      new Uint8Array([0xed, 0xa0, 0x80]),
    ),
    fc.string({ maxLength: 80 }),
    fc.constantFrom('', '{', '[', '{"a":', 'null', '[null]', '[[]]', '{}', '"str"', 'NaN', '1e99999'),
    deepNesting,
    protoJson,
    protoJson.map((p) => `[${p}]`),
  );
}

/** CSV with quotes, embedded newlines, BOMs, formula-looking cells and ragged rows. */
const csvCell = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '"',
    '""',
    '"a""b"',
    'a\nb',
    '"a\r\nb"',
    '=1+1',
    '@SUM(A1)',
    '\uFEFFemail',
    'x'.repeat(5000),
    '__proto__',
  ),
  fc.emailAddress(),
);
const csvBody = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        fc.constantFrom('email', 'name', 'lifecycleStage', 'employees', 'country', '__proto__', 'constructor'),
        fc.string({ maxLength: 8 }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
    fc.array(fc.array(csvCell, { maxLength: 7 }), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n', '\r'),
  )
  .map(([bom, header, rows, eol]) => (bom ? '\uFEFF' : '') + [header, ...rows].map((r) => r.join(',')).join(eol));

/** Header values must be Latin-1 without CR/LF to be sendable at all; inside that, anything. */
const headerValue = fc.string({ unit: 'binary', maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, ''));
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'text/csv',
  'text/csv; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/problem+json',
  '',
);
const headers = fc.record(
  {
    'Content-Type': contentType,
    'If-Match': fc.oneof(headerValue, fc.constant('"v1"'), fc.constant('*')),
    'If-None-Match': headerValue,
    'Idempotency-Key': fc.oneof(headerValue, fc.uuid()),
    Accept: headerValue,
    'Accept-Language': headerValue,
  },
  { requiredKeys: [] },
);
const pathSegment = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom('..', '%2e%2e', '%00', '__proto__', 'constructor', 'x'.repeat(200), '0', '-1', '1e3', '%F0%9F%92%A9'),
);
const queryValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    '2025-01-01',
    '2025-13-45',
    '9999-99-99T99:99',
    '-1',
    '0',
    '1e9',
    'NaN',
    'x'.repeat(2000),
    '__proto__',
  ),
);
const queryString = (names: string[]) =>
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.constantFrom('__proto__', 'constructor')), queryValue), {
      maxLength: 4,
    })
    .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ''));

async function tableCounts(): Promise<Record<string, number>> {
  const results = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT count(*) AS n FROM "${t}"`)));
  return Object.fromEntries(tables.map((t, i) => [t, (results[i]?.results[0] as { n: number } | undefined)?.n ?? -1]));
}

export interface FuzzRequest {
  method: string;
  path: string;
  body?: string | Uint8Array;
  headers: Record<string, string>;
}

/** Sends one hostile request and checks the contract; returns nothing, throws on a violation. */
async function probe(req: FuzzRequest): Promise<void> {
  const before = await tableCounts();
  const res = await call(req.method, req.path, {
    token,
    headers: req.headers,
    // Bytes are sent as they are (invalid UTF-8 included).
    ...(req.body === undefined ? {} : { rawBody: req.body as BodyInit }),
  });
  fuzzed++;
  const text = await res.text();
  const where = `${req.method} ${req.path} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get('Content-Type') ?? '', where).toMatch(/^application\/problem\+json/);
    const problem = JSON.parse(text) as { status: number; title: string; type: string };
    expect(problem.status, where).toBe(res.status);
    expect(typeof problem.title, where).toBe('string');
    expect(await tableCounts(), `a rejected request wrote: ${where}`).toEqual(before);
  } else {
    expect([200, 201, 204, 304], where).toContain(res.status);
  }
}

const leadLike = fc.record(
  {
    email: fc.oneof(fc.emailAddress(), nasty),
    name: nasty,
    employees: fc.oneof(fc.integer(), nasty),
    country: fc.oneof(fc.constantFrom('JP', 'jp', 'XX', ''), nasty),
    lifecycleStage: fc.oneof(fc.constantFrom('mql', 'sal', 'nope'), nasty),
    linkedinUrl: nasty,
    attributes: nasty,
    __proto__: nasty,
  } as Record<string, fc.Arbitrary<unknown>>,
  { requiredKeys: [] },
);
const eventLike = fc.record(
  {
    id: fc.oneof(fc.uuid(), nasty),
    email: fc.oneof(fc.emailAddress(), nasty),
    type: fc.oneof(fc.constantFrom('page_view', 'Demo Request', ''), nasty),
    at: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      nasty,
    ),
    props: nasty,
  },
  { requiredKeys: [] },
);

/**
 * Routes are fuzzed in groups, one test file each: a Workers isolate slows down over a thousand
 * hostile requests (four times slower by the end of one file), and separate files also run in parallel.
 */
export const FUZZ_GROUPS = ['model', 'leads', 'writes', 'admin'] as const;
export type FuzzGroup = (typeof FUZZ_GROUPS)[number];

export interface RouteFuzz {
  name: string;
  group: FuzzGroup;
  request: fc.Arbitrary<FuzzRequest>;
}

const body = (valid: fc.Arbitrary<unknown>) => fc.oneof(rawBody(valid), csvBody);
const withHeaders = (method: string, pathArb: fc.Arbitrary<string>, bodyArb?: fc.Arbitrary<string | Uint8Array>) =>
  fc
    .tuple(pathArb, headers, bodyArb ?? fc.constant(undefined))
    .map(([path, h, b]) => ({ method, path, headers: h, ...(b === undefined ? {} : { body: b }) }) as FuzzRequest);

export const fuzzRoutes = (): RouteFuzz[] => [
  {
    name: 'GET /healthz',
    group: 'model',
    request: withHeaders(
      'GET',
      queryString(['x']).map((q) => `/healthz${q}`),
    ),
  },
  {
    name: 'GET /v1/model',
    group: 'model',
    request: withHeaders(
      'GET',
      queryString(['locale']).map((q) => `/v1/model${q}`),
    ),
  },
  {
    name: 'GET /v1/model/versions',
    group: 'model',
    request: withHeaders(
      'GET',
      queryString(['limit', 'before']).map((q) => `/v1/model/versions${q}`),
    ),
  },
  {
    name: 'GET /v1/model/versions/:v',
    group: 'model',
    request: withHeaders(
      'GET',
      pathSegment.map((v) => `/v1/model/versions/${v}`),
    ),
  },
  {
    name: 'POST /v1/model/versions',
    group: 'model',
    request: withHeaders(
      'POST',
      fc.constant('/v1/model/versions'),
      body(fc.record({ model: nasty, note: nasty }, { requiredKeys: [] })),
    ),
  },
  {
    name: 'POST /v1/model/rollback',
    group: 'model',
    request: withHeaders(
      'POST',
      fc.constant('/v1/model/rollback'),
      body(fc.record({ version: nasty, note: nasty }, { requiredKeys: [] })),
    ),
  },
  {
    name: 'POST /v1/model/preview',
    group: 'model',
    request: withHeaders(
      'POST',
      fc.constant('/v1/model/preview'),
      // A valid draft too, so hostile `at` values and headers reach the scoring path.
      body(fc.record({ model: fc.oneof(nasty, fc.constant(defaultModel)), at: nasty }, { requiredKeys: [] })),
    ),
  },
  {
    name: 'POST /v1/score',
    group: 'model',
    request: withHeaders(
      'POST',
      queryString(['locale']).map((q) => `/v1/score${q}`),
      body(fc.record({ facts: nasty })),
    ),
  },
  {
    name: 'GET /v1/leads/lookup',
    group: 'leads',
    request: withHeaders(
      'GET',
      queryString(['email', 'linkedin', 'locale']).map((q) => `/v1/leads/lookup${q}`),
    ),
  },
  {
    name: 'PUT /v1/leads',
    group: 'leads',
    request: withHeaders('PUT', fc.constant('/v1/leads'), body(fc.array(leadLike, { maxLength: 4 }))),
  },
  {
    name: 'POST /v1/leads/import',
    group: 'leads',
    request: withHeaders('POST', fc.constant('/v1/leads/import'), body(fc.array(leadLike))),
  },
  {
    name: 'GET /v1/leads/export',
    group: 'leads',
    request: withHeaders(
      'GET',
      queryString(['limit', 'after']).map((q) => `/v1/leads/export${q}`),
    ),
  },
  {
    name: 'GET /v1/leads/:id',
    group: 'leads',
    request: withHeaders(
      'GET',
      pathSegment.map((id) => `/v1/leads/${id}`),
    ),
  },
  {
    name: 'GET /v1/leads/:id/timeline',
    group: 'leads',
    request: withHeaders(
      'GET',
      pathSegment.map((id) => `/v1/leads/${id}/timeline`),
    ),
  },
  {
    name: 'DELETE /v1/leads/:id',
    group: 'leads',
    request: withHeaders(
      'DELETE',
      pathSegment.map((id) => `/v1/leads/x${id}`),
    ),
  },
  {
    name: 'POST /v1/events',
    group: 'writes',
    request: withHeaders('POST', fc.constant('/v1/events'), body(fc.array(eventLike, { maxLength: 4 }))),
  },
  {
    name: 'POST /v1/leads/:id/attempts',
    group: 'writes',
    request: withHeaders(
      'POST',
      fc.oneof(fc.constant(leadId), pathSegment).map((id) => `/v1/leads/${id}/attempts`),
      body(
        fc.record(
          { channel: fc.oneof(fc.constantFrom('phone', 'email'), nasty), outcome: nasty, note: nasty, at: nasty },
          { requiredKeys: [] },
        ),
      ),
    ),
  },
  {
    name: 'POST /v1/leads/:id/transitions',
    group: 'writes',
    request: withHeaders(
      'POST',
      fc.oneof(fc.constant(leadId), pathSegment).map((id) => `/v1/leads/${id}/transitions`),
      body(
        fc.record(
          {
            to: fc.oneof(fc.constantFrom('sal', 'lead', 'mql', 'customer'), nasty),
            status: nasty,
            reason: nasty,
            at: nasty,
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  },
  {
    name: 'GET /v1/metrics/funnel',
    group: 'writes',
    request: withHeaders(
      'GET',
      queryString(['from', 'to', 'segment']).map((q) => `/v1/metrics/funnel${q}`),
    ),
  },
  {
    name: 'POST /v1/calibrations',
    group: 'writes',
    request: withHeaders(
      'POST',
      queryString(['outcome', 'ignore', 'missing']).map((q) => `/v1/calibrations${q}`),
      body(
        fc.record(
          { leads: fc.array(fc.record({ actions: nasty, converted: nasty }), { maxLength: 5 }), options: nasty },
          { requiredKeys: [] },
        ),
      ),
    ),
  },
  {
    name: 'POST /v1/tokens',
    group: 'admin',
    request: withHeaders('POST', fc.constant('/v1/tokens'), rawBody(fc.record({ name: nasty, role: nasty }))),
  },
  {
    name: 'GET /v1/tokens',
    group: 'admin',
    request: withHeaders(
      'GET',
      queryString(['limit']).map((q) => `/v1/tokens${q}`),
    ),
  },
  {
    name: 'DELETE /v1/tokens/:id',
    group: 'admin',
    request: withHeaders(
      'DELETE',
      pathSegment.map((id) => `/v1/tokens/x${id}`),
    ),
  },
  {
    name: 'GET /v1/audit',
    group: 'admin',
    request: withHeaders(
      'GET',
      queryString(['limit', 'before', 'action']).map((q) => `/v1/audit${q}`),
    ),
  },
  {
    name: 'GET /v1/openapi.json',
    group: 'writes',
    request: withHeaders(
      'GET',
      queryString(['format']).map((q) => `/v1/openapi.json${q}`),
    ),
  },
  {
    name: 'no such route',
    group: 'admin',
    request: withHeaders(
      'PATCH',
      pathSegment.map((p) => `/v1/${p}`),
      rawBody(nasty),
    ),
  },
];

/** The fuzzer's own admin token, a lead to aim at, and every table to compare before and after. */
async function prepareFuzzer(): Promise<void> {
  // Its own admin token, so the per-token rate limit of other test files is not shared.
  token = (await createToken('admin', 'fuzzer')).token;
  const res = await call('PUT', '/v1/leads', {
    token,
    body: [{ email: 'fuzz.target@example.com', lifecycleStage: 'mql' }],
  });
  leadId = ((await res.json()) as { results: { id: string }[] }).results[0]?.id as string;
  const listed = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' AND name != 'idempotency_keys'",
  ).all<{ name: string }>();
  tables = listed.results.map((r) => r.name);
}

/** Registers the hostile-input property of every route in `group` (call at a test file's top level). */
export function describeFuzzGroup(group: FuzzGroup): void {
  beforeAll(prepareFuzzer);
  afterAll(() => {
    const names = fuzzRoutes().filter((r) => r.group === group).length;
    console.log(`fuzz (${group}): ${fuzzed} hostile requests across ${names} routes, 0 answered 5xx`);
  });

  describe(`hostile input never costs a 5xx or a stray write (${group} routes)`, () => {
    it('compares every table', () => {
      expect(tables).toEqual(
        expect.arrayContaining([
          'leads',
          'events',
          'lead_attempts',
          'lead_stage_history',
          'tokens',
          'audit_log',
          'model_versions',
        ]),
      );
    });

    for (const route of fuzzRoutes().filter((r) => r.group === group)) {
      it(
        route.name,
        async () => {
          // Rebuilt after beforeAll, so arbitraries see the fuzzer's lead id.
          const request = fuzzRoutes().find((r) => r.name === route.name)?.request ?? route.request;
          await fc.assert(fc.asyncProperty(request, probe), { numRuns: RUNS_PER_ROUTE, endOnFailure: true });
        },
        ROUTE_TIMEOUT_MS,
      );
    }
  });
}
