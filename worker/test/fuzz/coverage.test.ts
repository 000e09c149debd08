import { describe, expect, it } from 'vitest';
import { call } from '../helpers';
import { fuzzRoutes } from './hostileRequests';

describe('the fuzz suites', () => {
  it('fuzz every route the OpenAPI document lists', async () => {
    const res = await call('GET', '/v1/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(documented.length).toBeGreaterThan(20);
    const fuzzed = new Set(fuzzRoutes().map((r) => r.name.replace(/:\w+/g, ':param')));
    const missing = documented.filter((r) => !fuzzed.has(r.replace(/:\w+/g, ':param')));
    expect(missing).toEqual([]);
  });
});
