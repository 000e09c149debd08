import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LeadEvent } from '../../shared';
import { LOOKUP_MAX_STALE_MS, LOOKUP_TTL_MS, MAX_HELD_ROWS } from './insights';
import { disconnect } from './messageHandlers';
import { ACME_CTO, FakeApi, GOOD_TOKEN } from './test/fakeApi';
import { failWritesWithQuota } from './test/quota';
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

  it('serves a cached lead while offline only up to the maximum stale age, then deletes it', async () => {
    const { insights, modelSync, db } = bg.services;
    api.addLead({ ...ACME_CTO, linkedinUrl: 'https://www.linkedin.com/in/ada' });
    await modelSync.sync();
    await insights.getInsight(ADA_PAGE, { force: true });
    await insights.getInsight({ linkedinUrl: 'https://www.linkedin.com/in/ada' }, { force: true });
    expect(await db.leads.count()).toBe(2);
    api.fail('/v1/leads/lookup', 'network', 10);

    // Six days without the API: still the saved lead, said to be offline.
    bg.clock.now += LOOKUP_MAX_STALE_MS - 24 * 60 * 60_000;
    await insights.getInsight(ADA_PAGE, { force: true });
    const sixDays = await insights.getInsight(ADA_PAGE);
    expect(sixDays).toMatchObject({ status: 'offline', insight: { offline: true, lead: { id: 'lead_1' } } });

    // Past seven days the row is gone: the card falls back to page facts, not to week-old personal data.
    bg.clock.now += 2 * 24 * 60 * 60_000;
    const eightDays = await insights.getInsight(ADA_PAGE, { revalidate: false });
    expect(eightDays.insight?.lead).toBeUndefined();
    expect(eightDays.insight?.fetchedAt).toBeNull();
    expect(await db.leads.get('email:ada@acme.test')).toBeUndefined();

    // The sweep (startup and the model-sync alarm) removes rows nobody looks at any more.
    expect(await db.leads.count()).toBe(1);
    expect(await insights.evictExpired()).toBe(1);
    expect(await db.leads.count()).toBe(0);
  });

  it('a revalidation that gets 404 deletes the cached lead under every key (erasure reaches the cache)', async () => {
    const { insights, modelSync, db } = bg.services;
    const linkedin = { linkedinUrl: 'https://www.linkedin.com/in/ada' };
    api.addLead({ ...ACME_CTO, linkedinUrl: linkedin.linkedinUrl });
    await modelSync.sync();
    await insights.getInsight(ADA_PAGE, { force: true });
    await insights.getInsight(linkedin, { force: true });
    expect((await db.leads.toArray()).map((row) => row.leadId)).toEqual(['lead_1', 'lead_1']);

    api.removeLead(ACME_CTO.email);
    bg.clock.now += LOOKUP_TTL_MS + 1;
    const pushesBefore = bg.pushes.length;
    const answer = await insights.getInsight(ADA_PAGE, { force: true });

    expect(answer.status).toBe('ready');
    expect(answer.insight?.lead).toBeUndefined();
    const rows = await db.leads.toArray();
    expect(rows).toEqual([expect.objectContaining({ lookupKey: 'email:ada@acme.test', found: false, lead: null })]);
    expect(JSON.stringify(rows)).not.toContain('Ada Lovelace');
    // The LinkedIn tab showing her is told to re-read, and finds nothing stored.
    expect(bg.pushes.slice(pushesBefore)).toContainEqual({
      type: 'push/insightChanged',
      lookupKey: 'linkedin:in/ada',
    });
    expect((await insights.getInsight(linkedin, { revalidate: false })).insight?.lead).toBeUndefined();
  });

  it('when IndexedDB refuses to cache a lookup (quota) the insight is still answered, until disconnect', async () => {
    const { insights, modelSync, db } = bg.services;
    api.addLead({ ...ACME_CTO });
    await modelSync.sync();
    const restore = failWritesWithQuota(['leads']);
    try {
      const fresh = await insights.getInsight(ADA_PAGE, { force: true });
      expect(fresh).toMatchObject({ status: 'ready', insight: { lead: { id: 'lead_1' } } });
      expect(fresh.error).toBeUndefined();
      expect(await db.leads.count()).toBe(0);

      // Later page views are answered from memory without asking the API again.
      const lookups = api.requestsTo('/v1/leads/lookup').length;
      const again = await insights.getInsight(ADA_PAGE);
      expect(again).toMatchObject({ status: 'ready', insight: { lead: { id: 'lead_1' } } });
      expect(api.requestsTo('/v1/leads/lookup')).toHaveLength(lookups);

      await disconnect(bg.services);
      const afterDisconnect = await insights.getInsight(ADA_PAGE, { revalidate: false });
      expect(afterDisconnect.insight?.lead).toBeUndefined();
    } finally {
      restore();
    }
  });

  describe('rows held in memory', () => {
    it('answers a cached lead without reading IndexedDB again, and a refresh replaces what is held', async () => {
      const { insights, modelSync, db } = bg.services;
      api.addLead({ ...ACME_CTO });
      await modelSync.sync();
      await insights.getInsight(ADA_PAGE, { force: true });
      const reads = vi.spyOn(db.leads, 'get');
      for (let i = 0; i < 3; i++) {
        expect((await insights.getInsight(ADA_PAGE, { revalidate: false })).insight?.score.stage).toBe('lead');
      }
      expect(reads).not.toHaveBeenCalled();

      // The lead store changes (the lookup is refreshed): the held row is the new one.
      api.updateLead(ACME_CTO.email, { lifecycleStage: 'sal' });
      await insights.getInsight(ADA_PAGE, { force: true });
      expect((await insights.getInsight(ADA_PAGE, { revalidate: false })).insight?.score.stage).toBe('sal');
      expect((await db.leads.get('email:ada@acme.test'))?.lead?.lifecycleStage).toBe('sal');
    });

    it('a read that started before a write never holds the older row', async () => {
      const { insights, modelSync, db } = bg.services;
      api.addLead({ ...ACME_CTO });
      await modelSync.sync();
      await insights.getInsight(ADA_PAGE, { force: true });
      const old = await db.leads.get('email:ada@acme.test');
      // A worker that never read this row: its first read is slow and returns the row as it was.
      insights.forgetHeldRows();
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      vi.spyOn(db.leads, 'get').mockImplementationOnce(() => gate.then(() => old) as never);
      const slow = insights.getInsight(ADA_PAGE, { revalidate: false });

      api.updateLead(ACME_CTO.email, { lifecycleStage: 'sal' });
      await insights.refresh({ key: 'email:ada@acme.test', query: { email: ACME_CTO.email } });
      release();
      expect((await slow).insight?.score.stage).toBe('lead');
      expect((await insights.getInsight(ADA_PAGE, { revalidate: false })).insight?.score.stage).toBe('sal');
    });

    it('forgetCachedLeads leaves nothing to answer from: the next view is cold and asks the API', async () => {
      const { insights, modelSync, db } = bg.services;
      api.addLead({ ...ACME_CTO });
      await modelSync.sync();
      await insights.getInsight(ADA_PAGE, { force: true });
      const lookups = api.requestsTo('/v1/leads/lookup').length;

      await insights.forgetCachedLeads();
      expect(await db.leads.count()).toBe(0);
      const cold = await insights.getInsight(ADA_PAGE);
      expect(cold.insight?.lead).toBeUndefined();
      expect(cold.insight?.fetchedAt).toBeNull();
      expect(api.requestsTo('/v1/leads/lookup')).toHaveLength(lookups + 1);
      await insights.refreshSettled(ADA_PAGE);
      expect((await insights.getInsight(ADA_PAGE, { revalidate: false })).insight?.lead?.id).toBe('lead_1');
    });

    it('forgetCachedLeads waits for a lookup under way, so its answer cannot land after the clear', async () => {
      const { insights, modelSync, db } = bg.services;
      api.addLead({ ...ACME_CTO });
      await modelSync.sync();
      const held = api.hold('/v1/leads/lookup');
      await insights.getInsight(ADA_PAGE);
      const cleared = insights.forgetCachedLeads();
      held.release();
      await cleared;
      await settle(10);
      expect(await db.leads.count()).toBe(0);
      expect((await insights.getInsight(ADA_PAGE, { revalidate: false })).insight?.lead).toBeUndefined();
    });

    it('disconnect forgets held rows with the stored ones', async () => {
      const { insights, modelSync } = bg.services;
      api.addLead({ ...ACME_CTO });
      await modelSync.sync();
      await insights.getInsight(ADA_PAGE, { force: true });
      await disconnect(bg.services);
      expect((await insights.getInsight(ADA_PAGE, { revalidate: false })).insight?.lead).toBeUndefined();
    });

    it(`holds at most ${MAX_HELD_ROWS} rows, dropping the least recently used`, async () => {
      const { insights, modelSync, db } = bg.services;
      await modelSync.sync();
      const page = (i: number) => ({ email: `person${i}@acme.test` });
      for (let i = 0; i <= MAX_HELD_ROWS; i++) await insights.getInsight(page(i), { force: true });
      const reads = vi.spyOn(db.leads, 'get');
      await insights.getInsight(page(MAX_HELD_ROWS), { revalidate: false });
      expect(reads).not.toHaveBeenCalled();
      await insights.getInsight(page(0), { revalidate: false });
      expect(reads).toHaveBeenCalledWith('email:person0@acme.test');
    });
  });
});
