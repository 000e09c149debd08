import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ProspectFacts } from '../../shared';
import { LeadlensDb } from '../background/db';
import { MODEL_SYNC_ALARM, startBackground } from '../background/index';
import type { BackgroundServices } from '../background/services';
import { ACME_CTO, FakeApi, GOOD_TOKEN } from '../background/test/fakeApi';
import { saveTestConnection, settle } from '../background/test/testBackground';
import { testModel } from '../background/test/testModel';
import {
  clearPrefetchedInsights,
  insightRequestKey,
  prefetchedAnswer,
  prefetchInsight,
  subscribeToPrefetches,
} from './insightPrefetch';
import { type LeadInsightState, useLeadInsight } from './useLeadInsight';

// The hook talks to a real background over the (fake) runtime messaging, as a content script would.
describe('useLeadInsight', () => {
  let api: FakeApi;
  let db: LeadlensDb;
  let services: BackgroundServices;

  beforeEach(async () => {
    api = new FakeApi();
    api.now = () => Date.now();
    api.addLead({ ...ACME_CTO });
    await saveTestConnection(GOOD_TOKEN);
    db = new LeadlensDb(`leadlens-test-${crypto.randomUUID()}`);
    services = startBackground({ db, fetch: api.fetch });
    await services.modelSync.sync();
  });
  afterEach(() => {
    clearPrefetchedInsights();
    db.close();
  });

  it('goes from loading to the stored lead, and re-renders when a new model is published', async () => {
    const { result } = renderHook(() => useLeadInsight({ email: 'ADA@acme.test', title: 'CTO' }));
    expect(result.current.status).toBe('loading');

    await waitFor(() => expect(result.current.insight?.lead?.id).toBe('lead_1'));
    expect(result.current.status).toBe('ready');
    expect(result.current.insight?.score).toMatchObject({ modelVersion: 1, stage: 'lead' });

    api.publish(testModel({ name: 'Published v2' }));
    await act(async () => {
      await fakeBrowser.alarms.onAlarm.trigger({ name: MODEL_SYNC_ALARM, scheduledTime: Date.now() });
      await settle(10);
    });
    await waitFor(() => expect(result.current.modelVersion).toBe(2));
    await waitFor(() => expect(result.current.insight?.score.modelVersion).toBe(2));
  });

  it('accept is queued, shown as pending, delivered, and the lead re-renders in its new stage', async () => {
    const held = api.hold('/v1/leads/lead_1/transitions');
    const { result } = renderHook(() => useLeadInsight({ email: ACME_CTO.email }));
    await waitFor(() => expect(result.current.insight?.lead?.id).toBe('lead_1'));

    let queued: Awaited<ReturnType<typeof result.current.actions.accept>> | undefined;
    await act(async () => {
      queued = await result.current.actions.accept();
    });
    expect(queued).toMatchObject({ kind: 'accept', leadId: 'lead_1', state: 'pending' });
    await waitFor(() => expect(result.current.outbox.pending).toBe(1));
    expect(result.current.outbox.items.map((i) => i.kind)).toEqual(['accept']);

    held.release();
    await waitFor(() => expect(result.current.outbox.pending).toBe(0));
    await waitFor(() => expect(result.current.insight?.score.stage).toBe('sal'));
    expect(api.receivedKeys).toEqual([queued?.id]);
  });

  it('an unknown person gets a facts-only score with interest unknown, and no actions', async () => {
    const { result } = renderHook(() =>
      useLeadInsight({ linkedinUrl: 'https://www.linkedin.com/in/nobody', industry: 'software', employees: 300 }),
    );
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.insight?.score).toMatchObject({ fit: 100, interestKnown: false });
    expect(result.current.insight?.lead).toBeUndefined();
    await expect(result.current.actions.accept()).rejects.toMatchObject({ code: 'no_lead' });
  });

  it('says reconnect when the token is refused, keeps queued writes, and recovers when a new token is saved', async () => {
    const { result } = renderHook(() => useLeadInsight({ email: ACME_CTO.email }));
    await waitFor(() => expect(result.current.insight?.lead?.id).toBe('lead_1'));

    api.token = 'rotated';
    await act(async () => {
      await result.current.actions.logAttempt({ channel: 'phone', outcome: 'no_answer' });
      await settle(10);
    });
    await waitFor(() => expect(result.current.status).toBe('reconnect'));
    // The outbox's paused state is its own message from the background: it may land a render after the status.
    await waitFor(() => expect(result.current.outbox).toMatchObject({ pending: 1, paused: true }));
    expect(result.current.insight?.lead?.id).toBe('lead_1');

    // The options page saves the new token; the background notices, resumes and tells the page.
    await act(async () => {
      await saveTestConnection('rotated');
      await settle(20);
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await waitFor(() => expect(result.current.outbox).toMatchObject({ pending: 0, paused: false }));
    expect(api.writes).toEqual([expect.objectContaining({ kind: 'attempt', leadId: 'lead_1' })]);
  });

  describe('when the person changes', () => {
    const GRACE = { ...ACME_CTO, id: 'lead_2', email: 'grace@navy.test', name: 'Grace Hopper', company: 'Navy' };
    const ADA_FACTS: ProspectFacts = { email: ACME_CTO.email, name: 'Ada Lovelace' };
    const GRACE_FACTS: ProspectFacts = { email: GRACE.email, name: 'Grace Hopper' };

    /** Every state the hook returned, with the facts of that render. */
    function renderLogged(initial: ProspectFacts) {
      const renders: { facts: ProspectFacts; state: LeadInsightState }[] = [];
      const hook = renderHook(
        ({ facts }: { facts: ProspectFacts }) => {
          const state = useLeadInsight(facts);
          renders.push({ facts, state });
          return state;
        },
        { initialProps: { facts: initial } },
      );
      return { ...hook, renders };
    }

    it("never returns the previous person's insight for the new person's facts, warm or cold", async () => {
      api.addLead(GRACE);
      // Both people looked up before: their rows are cached, so answers come fast (warm).
      const warm = renderLogged(ADA_FACTS);
      await waitFor(() => expect(warm.result.current.insight?.lead?.id).toBe('lead_1'));
      warm.rerender({ facts: GRACE_FACTS });
      await waitFor(() => expect(warm.result.current.insight?.lead?.id).toBe('lead_2'));
      warm.rerender({ facts: ADA_FACTS });
      await waitFor(() => expect(warm.result.current.insight?.lead?.id).toBe('lead_1'));

      // Cold and slow: Grace's cache is gone and the API holds her lookup, so she stays on page facts for a while.
      // Through the background, which also holds recent rows in memory (a direct clear would leave them).
      await services.insights.forgetCachedLeads();
      const held = api.hold('/v1/leads/lookup');
      warm.rerender({ facts: GRACE_FACTS });
      await act(() => settle(10));
      expect(warm.result.current.insight?.lead).toBeUndefined();
      held.release();
      await waitFor(() => expect(warm.result.current.insight?.lead?.id).toBe('lead_2'));

      const leadOf = (facts: ProspectFacts) => (facts.email === ACME_CTO.email ? 'lead_1' : 'lead_2');
      const mislabelled = warm.renders
        .filter(({ facts, state }) => state.insight?.lead !== undefined && state.insight.lead.id !== leadOf(facts))
        .map(({ facts, state }) => ({ facts: facts.email, shown: state.insight?.lead?.email }));
      expect(mislabelled).toEqual([]);
      // The renders right after each switch said "loading" (or already had the new person), never the old data.
      expect(warm.renders.some(({ facts, state }) => facts === GRACE_FACTS && state.status === 'loading')).toBe(true);
    });

    it('a lookup prefetched by the content script is the first render, with one message for both', async () => {
      // Cached once, so the background answers from Dexie.
      const first = renderLogged(ADA_FACTS);
      await waitFor(() => expect(first.result.current.insight?.lead?.id).toBe('lead_1'));
      first.unmount();

      let asked = 0;
      const count = (message: unknown) => {
        if ((message as { type?: string }).type === 'insight/get') asked++;
      };
      fakeBrowser.runtime.onMessage.addListener(count);
      try {
        prefetchInsight(ADA_FACTS);
        await act(() => settle(10));
        const { renders, result } = renderLogged(ADA_FACTS);
        expect(renders[0]?.state.status).toBe('ready');
        expect(renders[0]?.state.insight?.lead?.id).toBe('lead_1');
        await act(() => settle(10));
        expect(result.current.insight?.lead?.id).toBe('lead_1');
        expect(asked).toBe(1);
      } finally {
        fakeBrowser.runtime.onMessage.removeListener(count);
      }
    });

    it('tells subscribed cards the moment a prefetched answer arrives, so they need not wait for their own effect', async () => {
      const first = renderLogged(ADA_FACTS);
      await waitFor(() => expect(first.result.current.insight?.lead?.id).toBe('lead_1'));
      first.unmount();

      const key = insightRequestKey(ADA_FACTS, undefined);
      const seen: (string | undefined)[] = [];
      const stop = subscribeToPrefetches(() => seen.push(prefetchedAnswer(key)?.response?.insight?.lead?.id));
      try {
        prefetchInsight(ADA_FACTS);
        expect(prefetchedAnswer(key)).toBeNull();
        await act(() => settle(10));
        expect(seen).toEqual(['lead_1']);
        expect(prefetchedAnswer(insightRequestKey(GRACE_FACTS, undefined))).toBeNull();
      } finally {
        stop();
      }
    });

    it('after a page-facts-only first answer, asks once more for the lookup under way instead of waiting for its push', async () => {
      const sent: { awaitRefresh?: boolean }[] = [];
      const record = (message: unknown) => {
        if ((message as { type?: string }).type === 'insight/get') sent.push(message as { awaitRefresh?: boolean });
      };
      fakeBrowser.runtime.onMessage.addListener(record);
      const held = api.hold('/v1/leads/lookup');
      try {
        const { result } = renderHook(() => useLeadInsight(ADA_FACTS));
        await waitFor(() => expect(result.current.status).toBe('ready'));
        expect(result.current.insight?.lead).toBeUndefined();
        await act(() => settle(5));
        expect(sent.map((message) => message.awaitRefresh ?? false)).toEqual([false, true]);
        held.release();
        await waitFor(() => expect(result.current.insight?.lead?.id).toBe('lead_1'));
      } finally {
        fakeBrowser.runtime.onMessage.removeListener(record);
      }
    });
  });
});
