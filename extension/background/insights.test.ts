import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeadEvent } from '../../shared';
import { LOOKUP_TTL_MS } from './insights';
import { ACME_CTO, FakeApi, GOOD_TOKEN } from './test/fakeApi';
import { createTestBackground, saveTestConnection, settle, type TestBackground } from './test/testBackground';

const ADA_PAGE = { email: 'ada@acme.test', title: 'CTO' };
const demoRequest = (at: string): LeadEvent => ({ id: `ev_${at}`, email: ACME_CTO.email, type: 'demo_request', at });

describe('lead insight lookup', () => {
  let api: FakeApi;
  let bg: TestBackground;

  beforeEach(async () => {
    api = new FakeApi();
    bg = createTestBackground(api);
    await saveTestConnection(GOOD_TOKEN);
  });
  afterEach(() => bg.services.db.close());

  it('answers from cache without waiting for the API, then refreshes in the background and pushes', async () => {
    const { insights, modelSync } = bg.services;
    api.addLead({ ...ACME_CTO });
    await modelSync.sync();
    const first = await insights.getInsight(ADA_PAGE, { force: true });
    expect(first.insight?.lead?.id).toBe('lead_1');
    expect(first.insight?.score.stage).toBe('lead');

    // Later the lead was accepted elsewhere; our cache is past half its TTL.
    api.updateLead(ACME_CTO.email, { lifecycleStage: 'sal' });
    bg.clock.now += LOOKUP_TTL_MS / 2 + 1;
    const held = api.hold('/v1/leads/lookup');
    const lookupsBefore = api.requestsTo('/v1/leads/lookup').length;

    const cached = await insights.getInsight(ADA_PAGE);
    // Answered while the API request is still pending.
    expect(api.requestsTo('/v1/leads/lookup')).toHaveLength(lookupsBefore + 1);
    expect(cached).toMatchObject({ status: 'ready', lookupKey: 'email:ada@acme.test' });
    expect(cached.insight?.score.stage).toBe('lead');

    held.release();
    await settle(10);
    expect(bg.pushes).toContainEqual({ type: 'push/insightChanged', lookupKey: 'email:ada@acme.test' });
    const refreshed = await insights.getInsight(ADA_PAGE, { revalidate: false });
    expect(refreshed.insight?.score.stage).toBe('sal');
    expect(refreshed.insight?.stale).toBe(false);
  });

  it('scores an unknown person from page facts at once; a 404 keeps that score with interest unknown', async () => {
    const { insights, modelSync } = bg.services;
    await modelSync.sync();
    const held = api.hold('/v1/leads/lookup');
    const page = {
      linkedinUrl: 'https://www.linkedin.com/in/grace-h/',
      title: 'CTO',
      industry: 'software',
      employees: 900,
    };

    const provisional = await insights.getInsight(page);
    expect(provisional.status).toBe('ready');
    expect(provisional.insight).toMatchObject({
      stale: true,
      score: { fit: 100, interestKnown: false, modelVersion: 1 },
    });
    expect(provisional.insight?.lead).toBeUndefined();
    expect(provisional.insight?.score.personas[0]?.id).toBe('cto');

    held.release();
    await settle(10);
    expect(bg.pushes).toContainEqual({ type: 'push/insightChanged', lookupKey: 'linkedin:in/grace-h' });
    const afterLookup = await insights.getInsight(page);
    expect(afterLookup.insight).toMatchObject({ stale: false, score: { fit: 100, interestKnown: false } });
    expect(afterLookup.insight?.lead).toBeUndefined();
    // The 404 is cached: no second lookup within the TTL.
    expect(api.requestsTo('/v1/leads/lookup')).toHaveLength(1);
  });

  it('rescores locally with page facts filling what the stored lead lacks when the API sends events', async () => {
    const { insights, modelSync } = bg.services;
    api.addLead({ ...ACME_CTO }, [demoRequest('2025-05-30T10:00:00Z')], true);
    await modelSync.sync();

    const answer = await insights.getInsight({ ...ADA_PAGE, company: 'Page Company Name' }, { force: true });
    const score = answer.insight?.score;
    expect(score).toMatchObject({ fit: 100, quadrant: 'hot', interestKnown: true });
    expect(score?.interest).toBeGreaterThan(90);
    // The title only the page knew matched the persona; the stored company name still wins.
    expect(score?.personas[0]?.id).toBe('cto');
    expect(answer.insight?.lead?.company).toBe('Acme');
  });

  it('with no model cached, fetches model and lookup before answering', async () => {
    const { insights } = bg.services;
    api.addLead({ ...ACME_CTO });
    const answer = await insights.getInsight(ADA_PAGE);
    expect(answer).toMatchObject({ status: 'ready', modelVersion: 1, insight: { lead: { id: 'lead_1' } } });
    expect(api.requestsTo('/v1/model')).toHaveLength(1);
  });

  it('says offline (with the cached answer) when a refresh cannot reach the API, and does not hammer it', async () => {
    const { insights, modelSync } = bg.services;
    api.addLead({ ...ACME_CTO });
    await modelSync.sync();
    await insights.getInsight(ADA_PAGE, { force: true });
    bg.clock.now += LOOKUP_TTL_MS + 1;
    api.fail('/v1/leads/lookup', 'network', 5);

    await insights.getInsight(ADA_PAGE);
    await settle(10);
    const answer = await insights.getInsight(ADA_PAGE);
    expect(answer.status).toBe('offline');
    expect(answer.insight).toMatchObject({ offline: true, stale: true, lead: { id: 'lead_1' } });
    expect(answer.error).toMatch(/cannot be reached/);
    // One failed refresh, then a cool-down instead of a request per page view.
    expect(api.requestsTo('/v1/leads/lookup')).toHaveLength(1);
  });

  it('says reconnect when the token is refused, still showing what is cached', async () => {
    const { insights, modelSync } = bg.services;
    api.addLead({ ...ACME_CTO });
    await modelSync.sync();
    await insights.getInsight(ADA_PAGE, { force: true });
    api.token = 'revoked';

    const answer = await insights.getInsight(ADA_PAGE, { force: true });
    expect(answer.status).toBe('reconnect');
    expect(answer.insight?.lead?.id).toBe('lead_1');
  });

  it('re-scores facts-only people with a newly published model without asking the API again', async () => {
    const { insights, modelSync } = bg.services;
    await modelSync.sync();
    const page = { email: 'nobody@else.test', industry: 'software', employees: 10 };
    await insights.getInsight(page);
    await settle(10);
    expect((await insights.getInsight(page)).insight?.score.fit).toBe(50);

    const { testModel } = await import('./test/testModel');
    api.publish(testModel({ icp: { ...testModel().icp, normalization: { min: 0, max: 40 } } }));
    await modelSync.sync();
    const answer = await insights.getInsight(page);
    expect(answer.insight?.score).toMatchObject({ fit: 100, modelVersion: 2 });
    expect(api.requestsTo('/v1/leads/lookup')).toHaveLength(1);
  });
});
