import { describe, expect, it } from 'vitest';
import { app } from '../src/index';
import { call } from './helpers';

/** The routes of DESIGN.md §7, in OpenAPI path syntax. */
const CONTRACT_ROUTES: [method: string, path: string][] = [
  ['get', '/healthz'],
  ['get', '/v1/model'],
  ['get', '/v1/model/versions'],
  ['get', '/v1/model/versions/{version}'],
  ['post', '/v1/model/versions'],
  ['post', '/v1/model/rollback'],
  ['post', '/v1/score'],
  ['get', '/v1/leads/lookup'],
  ['put', '/v1/leads'],
  ['post', '/v1/events'],
  ['post', '/v1/leads/{id}/attempts'],
  ['post', '/v1/leads/{id}/transitions'],
  ['get', '/v1/metrics/funnel'],
  ['post', '/v1/calibrations'],
  ['post', '/v1/tokens'],
  ['get', '/v1/tokens'],
  ['delete', '/v1/tokens/{id}'],
];

/** Hono's `:param` → OpenAPI's `{param}`, ignoring what the param is called. */
const shape = (path: string) => path.replace(/:[^/]+|\{[^}]+\}/g, '{}');

describe('GET /v1/openapi.json', () => {
  it('documents every §7 route the app serves, with problem+json errors and bearer security', async () => {
    const res = await call('GET', '/v1/openapi.json', { token: null });
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { content?: object }> }>>;
      components: { securitySchemes: Record<string, { scheme: string }> };
    };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(doc.components.securitySchemes.bearer?.scheme).toBe('bearer');

    const served = new Set(app.routes.map((r) => `${r.method.toLowerCase()} ${shape(r.path)}`));
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${shape(path)}`)),
    );
    const servedContract = CONTRACT_ROUTES.filter(([method, path]) => served.has(`${method} ${shape(path)}`));
    // The routes this module owns must always be there.
    expect(servedContract.length).toBeGreaterThanOrEqual(9);
    for (const [method, path] of servedContract)
      expect(documented, `${method} ${path}`).toContain(`${method} ${shape(path)}`);

    const publish = doc.paths['/v1/model/versions']?.post;
    expect(publish?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(publish?.responses['412']?.content ?? {})).toEqual(['application/problem+json']);
  });
});
