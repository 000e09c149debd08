import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../shared';
import { call } from './helpers';

/**
 * A lookup reads the lead and the live model's head in one D1 batch and keeps the parsed model per
 * isolate by version and hash. A publish or a rollback must still show in the very next lookup.
 */

interface LookupBody {
  lead: { email: string };
  score: { fit: number; interest: number; score: number; modelVersion: number };
}

async function lookup(query: string): Promise<LookupBody> {
  const res = await call('GET', `/v1/leads/lookup?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as LookupBody;
}

async function publish(fitWeight: number, note: string): Promise<number> {
  const res = await call('POST', '/v1/model/versions', { body: { model: { ...defaultModel, fitWeight }, note } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { version: number }).version;
}

describe('GET /v1/leads/lookup and the live model', () => {
  it('scores with a newly published model and with a rolled-back one on the next request', async () => {
    const email = `lookup.model.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const linkedin = `https://www.linkedin.com/in/lookup-model-${crypto.randomUUID().slice(0, 8)}/`;
    const put = await call('PUT', '/v1/leads', {
      body: [{ email, title: 'CIO', employees: 2000, country: 'JP', industry: 'Banking', linkedinUrl: linkedin }],
    });
    expect(put.status).toBe(200);
    const at = new Date().toISOString();
    const ingest = await call('POST', '/v1/events', {
      body: [{ id: `lookup-model-${email}`, email, type: 'page_view', at }],
    });
    expect(ingest.status).toBe(200);

    const fitOnly = await publish(1, 'fit only');
    const byEmail = await lookup(`email=${encodeURIComponent(email.toUpperCase())}`);
    expect(byEmail.score.modelVersion).toBe(fitOnly);
    expect(byEmail.score.score).toBe(byEmail.score.fit);
    const byLinkedin = await lookup(`linkedin=${encodeURIComponent(linkedin)}`);
    expect(byLinkedin.lead.email).toBe(email);
    expect(byLinkedin.score.modelVersion).toBe(fitOnly);

    const interestOnly = await publish(0, 'interest only');
    const next = await lookup(`email=${encodeURIComponent(email)}`);
    expect(next.score.modelVersion).toBe(interestOnly);
    expect(next.score.score).toBe(next.score.interest);

    const rollback = await call('POST', '/v1/model/rollback', { body: { version: fitOnly, note: 'back' } });
    expect(rollback.status).toBe(201);
    const rolledBack = (await rollback.json()) as { version: number };
    const afterRollback = await lookup(`email=${encodeURIComponent(email)}`);
    expect(afterRollback.score.modelVersion).toBe(rolledBack.version);
    expect(afterRollback.score.score).toBe(afterRollback.score.fit);
  });

  it('answers 404 for an unknown email and for a URL that is not a LinkedIn profile', async () => {
    expect((await call('GET', '/v1/leads/lookup?email=nobody.here%40example.com')).status).toBe(404);
    expect((await call('GET', `/v1/leads/lookup?linkedin=${encodeURIComponent('https://example.com/x')}`)).status).toBe(
      404,
    );
  });
});
