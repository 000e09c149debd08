import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlensDb } from './db';
import { MODEL_SYNC_ALARM, MODEL_SYNC_PERIOD_MINUTES, startBackground } from './index';
import { disconnect } from './messageHandlers';
import { ACME_CTO, FakeApi, GOOD_TOKEN } from './test/fakeApi';
import { failWritesWithQuota } from './test/quota';
import { createTestBackground, saveTestConnection, settle, type TestBackground } from './test/testBackground';
import { testModel } from './test/testModel';

describe('model sync', () => {
  let api: FakeApi;
  let bg: TestBackground;

  beforeEach(async () => {
    api = new FakeApi();
    bg = createTestBackground(api);
    await saveTestConnection(GOOD_TOKEN);
  });
  afterEach(() => bg.services.db.close());

  it('caches a 200 with its ETag, then asks with If-None-Match and keeps the cache on 304', async () => {
    const { modelSync } = bg.services;
    expect(await modelSync.sync()).toEqual({ changed: true, version: 1 });
    const cached = await modelSync.current();
    expect(cached).toMatchObject({ version: 1, etag: '"v1"', model: { name: 'Test model' } });

    bg.clock.now += 30_000;
    expect(await modelSync.sync()).toEqual({ changed: false, version: 1 });
    const second = api.requestsTo('/v1/model').at(-1);
    expect(second?.headers.get('if-none-match')).toBe('"v1"');
    expect((await modelSync.current())?.fetchedAt).toBe(bg.clock.now);
    // The first fetch announced the model; the 304 announced nothing.
    expect(bg.pushes.filter((p) => p.type === 'push/modelChanged')).toHaveLength(1);
  });

  it('stores a newly published version and tells every page', async () => {
    const { modelSync } = bg.services;
    await modelSync.sync();
    api.publish(testModel({ name: 'Published v2' }));

    expect(await modelSync.sync()).toEqual({ changed: true, version: 2 });
    expect((await modelSync.current())?.model.name).toBe('Published v2');
    expect(bg.pushes.at(-1)).toEqual({ type: 'push/modelChanged', version: 2 });
  });

  it('reads the stored model from IndexedDB once per worker, keeps it current on writes, and forgets it on disconnect', async () => {
    const { modelSync, db } = bg.services;
    await modelSync.sync();
    let reads = 0;
    const get = db.model.get.bind(db.model);
    db.model.get = ((key: string) => {
      reads += 1;
      return get(key);
    }) as typeof db.model.get;

    expect((await modelSync.current())?.version).toBe(1);
    expect((await modelSync.current())?.version).toBe(1);
    expect(reads).toBe(0);

    api.publish(testModel({ name: 'Published v2' }));
    await modelSync.sync();
    expect(await modelSync.current()).toMatchObject({ version: 2, model: { name: 'Published v2' } });
    bg.clock.now += 60_000;
    await modelSync.sync();
    expect((await modelSync.current())?.fetchedAt).toBe(bg.clock.now);
    // What memory holds is what IndexedDB holds.
    expect(await get('current')).toEqual(await modelSync.current());

    await disconnect(bg.services);
    expect(await modelSync.current()).toBeUndefined();
    expect(reads).toBeGreaterThan(0);
  });

  it('shares one request between concurrent callers', async () => {
    const { modelSync } = bg.services;
    await Promise.all([modelSync.sync(), modelSync.sync(), modelSync.syncIfOlderThan(30_000)]);
    expect(api.requestsTo('/v1/model')).toHaveLength(1);
  });

  it('keeps the cached model when the API is unreachable', async () => {
    const { modelSync } = bg.services;
    await modelSync.sync();
    api.fail('/v1/model', 'network');
    await expect(modelSync.sync()).rejects.toMatchObject({ kind: 'retryable' });
    expect((await modelSync.current())?.version).toBe(1);
  });

  it('when IndexedDB refuses to store the model (quota), it is used from memory until disconnect', async () => {
    const { modelSync, insights } = bg.services;
    api.addLead({ ...ACME_CTO });
    const restore = failWritesWithQuota(['model']);
    try {
      expect(await modelSync.sync()).toEqual({ changed: true, version: 1 });
      expect(await bg.services.db.model.count()).toBe(0);
      expect(await modelSync.current()).toMatchObject({ version: 1, model: { name: 'Test model' } });
      // A 304 keeps it; the page gets a score from it.
      bg.clock.now += 30_000;
      expect(await modelSync.sync()).toEqual({ changed: false, version: 1 });
      expect((await modelSync.current())?.fetchedAt).toBe(bg.clock.now);
      const answer = await insights.getInsight({ email: 'someone@else.test', industry: 'software' });
      expect(answer).toMatchObject({ modelVersion: 1, insight: { score: { modelVersion: 1 } } });

      await disconnect(bg.services);
      expect(await modelSync.current()).toBeUndefined();
    } finally {
      restore();
    }
  });
});

describe('startBackground', () => {
  it('polls the model every 30 s by alarm, so a published change reaches pages within a minute', async () => {
    const api = new FakeApi();
    await saveTestConnection(GOOD_TOKEN);
    const db = new LeadlensDb(`leadlens-test-${crypto.randomUUID()}`);
    const pushes: unknown[] = [];
    const services = startBackground({
      db,
      fetch: api.fetch,
      notifier: { broadcast: async (push) => void pushes.push(push) },
    });
    await settle(20);
    const alarm = await fakeBrowser.alarms.get(MODEL_SYNC_ALARM);
    expect(alarm?.periodInMinutes).toBe(MODEL_SYNC_PERIOD_MINUTES);
    expect(MODEL_SYNC_PERIOD_MINUTES * 60).toBeLessThanOrEqual(30);
    // Startup synced once.
    expect((await services.modelSync.current())?.version).toBe(1);

    api.publish(testModel({ name: 'Published by admin' }));
    await fakeBrowser.alarms.onAlarm.trigger({ name: MODEL_SYNC_ALARM, scheduledTime: Date.now() });
    await settle(20);
    expect((await services.modelSync.current())?.version).toBe(2);
    expect(pushes).toContainEqual({ type: 'push/modelChanged', version: 2 });
    db.close();
  });
});
