import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PagePerson, SiteAdapter } from '../adapters';
import { LeadlensDb } from '../background/db';
import { MODEL_SYNC_ALARM, startBackground } from '../background/index';
import { ACME_CTO, FakeApi, GOOD_TOKEN } from '../background/test/fakeApi';
import { saveTestConnection, settle } from '../background/test/testBackground';
import { testModel } from '../background/test/testModel';
import { heldModel } from '../lib/heldModel';
import { freshPrefetch, insightRequestKey, prefetchInsight } from '../lib/insightPrefetch';
import { OverlayApp } from './OverlayApp';

/** A mail site whose compose body is the page's contenteditable. */
const MAIL_ADAPTER: SiteAdapter = {
  id: 'gmail',
  matches: () => true,
  extract: () => ({ primary: null, others: [] }),
  personKey: () => null,
  anchor: () => null,
  composeBody: (doc) => doc.querySelector<HTMLElement>('[contenteditable="true"]'),
};

const ADA: PagePerson = { role: 'recipient', facts: { email: ACME_CTO.email, name: 'Ada Lovelace' } };

// The overlay against a real background over the (fake) runtime messaging, as in the browser.
describe('OverlayApp', () => {
  let api: FakeApi;
  let db: LeadlensDb;

  beforeEach(async () => {
    api = new FakeApi();
    api.now = () => Date.now();
    api.addLead({ ...ACME_CTO });
    await saveTestConnection(GOOD_TOKEN);
    db = new LeadlensDb(`leadlens-test-${crypto.randomUUID()}`);
    const services = startBackground({ db, fetch: api.fetch });
    await services.modelSync.sync();
  });
  afterEach(() => db.close());

  it('renders nothing without a person', async () => {
    const { container } = render(<OverlayApp person={null} adapter={MAIL_ADAPTER} doc={document} />);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(container.innerHTML).toBe('');
  });

  it('shows the stored lead for the person, in the language stored under "language"', async () => {
    await fakeBrowser.storage.local.set({ language: 'ar' });
    render(<OverlayApp person={ADA} adapter={MAIL_ADAPTER} doc={document} />);
    await waitFor(() => expect(screen.getByTestId('leadlens-card').dataset.stage).toBe('lead'));
    const card = screen.getByTestId('leadlens-card');
    expect(card.dataset.modelVersion).toBe('1');
    await waitFor(() => expect(card.getAttribute('dir')).toBe('rtl'));
    expect(card.getAttribute('aria-label')).toBe('Leadlens: Ada Lovelace');
  });

  it('re-renders with a newly published model without a reload', async () => {
    render(<OverlayApp person={ADA} adapter={MAIL_ADAPTER} doc={document} />);
    await waitFor(() => expect(screen.getByTestId('leadlens-card').dataset.modelVersion).toBe('1'));
    api.publish(testModel({ name: 'Published v2' }));
    await act(async () => {
      await fakeBrowser.alarms.onAlarm.trigger({ name: MODEL_SYNC_ALARM, scheduledTime: Date.now() });
      await settle(10);
    });
    await waitFor(() => expect(screen.getByTestId('leadlens-card').dataset.modelVersion).toBe('2'));
  });

  it("shows the model that came with the content script's first question, without a model/get, and is not sent it twice", async () => {
    const types: string[] = [];
    const record = (message: unknown) => {
      types.push((message as { type?: string }).type ?? '');
    };
    fakeBrowser.runtime.onMessage.addListener(record);
    try {
      prefetchInsight(ADA.facts);
      await act(() => settle(10));
      expect(heldModel()?.version).toBe(1);
      render(<OverlayApp person={ADA} adapter={MAIL_ADAPTER} doc={document} />);
      await waitFor(() => expect(screen.getByTestId('leadlens-card').dataset.stage).toBe('lead'));
      await act(() => settle(10));
      expect(types).toContain('insight/get');
      expect(types).not.toContain('model/get');

      // The next person's question says which model the page holds: the answer does not repeat it.
      const next = { email: 'grace@example.test', name: 'Grace' };
      prefetchInsight(next);
      const answer = await freshPrefetch(insightRequestKey(next, undefined))?.promise;
      expect(answer).toBeDefined();
      expect(answer).not.toHaveProperty('model');
    } finally {
      fakeBrowser.runtime.onMessage.removeListener(record);
    }
  });

  it('remembers that the card was folded', async () => {
    const first = render(<OverlayApp person={ADA} adapter={MAIL_ADAPTER} doc={document} />);
    await waitFor(() => expect(screen.getByTestId('leadlens-card').dataset.stage).toBe('lead'));
    fireEvent.click(screen.getByRole('button', { name: 'Collapse Leadlens card' }));
    await waitFor(async () =>
      expect((await fakeBrowser.storage.local.get('overlayCard')).overlayCard).toMatchObject({ collapsed: true }),
    );
    first.unmount();

    render(<OverlayApp person={ADA} adapter={MAIL_ADAPTER} doc={document} />);
    await waitFor(() => expect(screen.getByTestId('leadlens-card').dataset.collapsed).toBe('true'));
    expect(screen.getByRole('button', { name: 'Expand Leadlens card' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('inserts a talking point into the compose body', async () => {
    const body = document.createElement('div');
    body.contentEditable = 'true';
    body.textContent = 'Hi Ada, ';
    document.body.replaceChildren(body);
    // Stored with the title too, so the API's answer (which replaces the first, page-facts answer)
    // matches the same persona and keeps talking points.
    api.addLead({ ...ACME_CTO, title: 'CTO' });
    render(
      <OverlayApp person={{ ...ADA, facts: { ...ADA.facts, title: 'CTO' } }} adapter={MAIL_ADAPTER} doc={document} />,
    );
    // Actions appear once the stored lead has arrived: the card is settled.
    await screen.findByRole('button', { name: 'Log attempt' });
    const insert = await screen.findAllByRole('button', { name: /^Insert talking point/ });
    const point = insert[0]?.closest('li')?.querySelector('.ll-text')?.textContent ?? '';
    expect(point).not.toBe('');
    fireEvent.click(insert[0] as HTMLElement);
    expect(document.querySelector('[contenteditable]')?.textContent).toBe(`Hi Ada, ${point}`);
    expect(screen.getByText('Inserted into the email.')).toBeTruthy();
  });

  describe('not connected yet (no model was ever fetched)', () => {
    beforeEach(async () => {
      // A background that has never been connected: no API, no cached model.
      fakeBrowser.reset();
      startBackground({ db: new LeadlensDb(`leadlens-test-${crypto.randomUUID()}`), fetch: api.fetch });
    });

    it("shows fit and persona from the page's facts, scored with the bundled model (version 0)", async () => {
      render(
        <OverlayApp person={{ ...ADA, facts: { ...ADA.facts, title: 'CTO' } }} adapter={MAIL_ADAPTER} doc={document} />,
      );
      const card = await screen.findByTestId('leadlens-card');
      expect(card.dataset.modelVersion).toBe('0');
      expect(card.dataset.interest).toBe('0');
      // The status line is in the card's body, which renders in the task after the headline's paint.
      expect(await screen.findByText('No model yet: connect Leadlens in its options.')).toBeTruthy();
      // Interest is unknown (no behaviour read), fit comes from the page's facts.
      expect(Number(card.dataset.fit)).toBeGreaterThanOrEqual(0);
      expect(api.requestsTo('/v1/leads/lookup')).toEqual([]);
    });
  });
});
