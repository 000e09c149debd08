import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LeadlensDb } from '../background/db';
import { MODEL_SYNC_ALARM, startBackground } from '../background/index';
import type { BackgroundServices } from '../background/services';
import { ACME_CTO, FakeApi, GOOD_TOKEN } from '../background/test/fakeApi';
import { saveTestConnection, settle } from '../background/test/testBackground';
import { testModel } from '../background/test/testModel';
import { useLeadInsight } from './useLeadInsight';

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
  afterEach(() => db.close());

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
    expect(result.current.outbox).toMatchObject({ pending: 1, paused: true });
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
});
