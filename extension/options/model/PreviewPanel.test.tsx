import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AlignmentModel, defaultModel, type ImpactLead, type LeadEvent, score } from '../../../shared';
import { LocaleProvider, type UiLocale } from '../../i18n';
import { OptionsApiContext } from '../api';
import { FakeOptionsApi } from '../test/fakeOptionsApi';
import { PreviewPanel } from './PreviewPanel';
import { IMPACT_DEBOUNCE_MS } from './StoredLeadsImpact';

const AT_MS = Date.parse('2025-06-01T12:00:00.000Z');
const DAY = 86_400_000;

function events(email: string, types: string[]): LeadEvent[] {
  return types.map((type, i) => ({
    id: `${email}-${i}`,
    email,
    type,
    at: new Date(AT_MS - (i + 1) * DAY).toISOString(),
  }));
}

function stored(id: string, facts: Record<string, unknown>, eventTypes: string[] = []): ImpactLead {
  const email = `${id}@corp.example.com`;
  return { id, email, facts: { id, email, lifecycleStage: 'lead', ...facts }, events: events(email, eventTypes) };
}

const BUSY = ['demo_request', 'demo_request', 'pricing_view', 'pricing_view', 'form_submit', 'webinar_attended'];

/** Fit 63 (Banking, 2,000 staff, Japan) idle and busy; a fit-94 executive; a small shop abroad. */
const LEADS: ImpactLead[] = [
  stored('idle-63', { industry: 'Banking', employees: 2000, country: 'JP' }),
  stored('busy-63', { industry: 'Banking', employees: 2000, country: 'JP' }, BUSY),
  stored('exec-94', { industry: 'Banking', employees: 12_000, country: 'JP', title: 'CFO' }, BUSY),
  stored('shop', { industry: 'Retail', employees: 4, country: 'BR' }, ['page_view']),
];

function withFitHigh(fitHigh: number): AlignmentModel {
  const model = structuredClone(defaultModel);
  model.quadrants.fitHigh = fitHigh;
  for (const stage of model.lifecycle.stages) {
    for (const criterion of stage.entryCriteria) {
      const when = criterion.when as { of?: { op: string; metric?: string; gte?: number }[] };
      for (const part of when.of ?? []) if (part.op === 'metric' && part.metric === 'fit') part.gte = fitHigh;
    }
  }
  return model;
}

/** What the panel must report, worked out lead by lead with the full `score`. */
function expected(draft: AlignmentModel) {
  let quadrant = 0;
  let stage = 0;
  for (const lead of LEADS) {
    const from = score(defaultModel, lead.facts, lead.events, new Date(AT_MS));
    const to = score(draft, lead.facts, lead.events, new Date(AT_MS));
    if (from.quadrant !== to.quadrant) quadrant++;
    if ((from.suggestedStage ?? null) !== (to.suggestedStage ?? null)) stage++;
  }
  return { quadrant, stage };
}

function renderPanel(api: FakeOptionsApi, draft: unknown, locale: UiLocale = 'en', canEdit = true) {
  const ui = (d: unknown) => (
    <OptionsApiContext.Provider value={api}>
      <LocaleProvider locale={locale}>
        <PreviewPanel draft={d} published={defaultModel} now={AT_MS} canEdit={canEdit} />
      </LocaleProvider>
    </OptionsApiContext.Provider>
  );
  const view = render(ui(draft));
  return { ...view, setDraft: (d: unknown) => view.rerender(ui(d)) };
}

const previewCalls = (api: FakeOptionsApi) => api.calls.filter((c) => c.path === '/v1/model/preview');
const WAIT = { timeout: IMPACT_DEBOUNCE_MS * 5 };

describe('preview panel: stored leads if published', () => {
  let api: FakeOptionsApi;

  beforeEach(() => {
    api = new FakeOptionsApi();
    api.storedLeads = LEADS;
  });
  afterEach(() => {
    api.previewFailure = null;
  });

  it('says how many stored leads would change quadrant and stage, with the moves, in a polite live region', async () => {
    const draft = withFitHigh(80);
    const want = expected(draft);
    // The seed moves the idle and the busy fit-63 leads out of the high-fit quadrants, and the busy one out of "hot MQL".
    expect(want).toEqual({ quadrant: 2, stage: 1 });
    renderPanel(api, draft);

    const summary = await screen.findByTestId('impact-summary', {}, WAIT);
    expect(summary.textContent).toBe('2 of 4 stored leads would change quadrant, 1 would change stage.');
    const region = summary.closest('[aria-live]');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.getAttribute('role')).toBe('status');
    const moves = within(screen.getByTestId('impact-quadrant-moves'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(moves.sort()).toEqual(['Hot → Explore: 1', 'Nurture → Disqualify: 1']);
    expect(within(screen.getByTestId('impact-stage-moves')).getByRole('listitem').textContent).toBe(
      'Marketing qualified lead → no suggestion: 1',
    );
    expect(
      screen.getByText(/idle-63@corp\.example\.com: Nurture, no suggestion → Disqualify, no suggestion/),
    ).toBeTruthy();
    expect(previewCalls(api)).toHaveLength(1);
    expect(previewCalls(api)[0]?.method).toBe('POST');
  });

  it('waits for typing to pause and asks once, for the latest draft', async () => {
    const { setDraft } = renderPanel(api, withFitHigh(70));
    setDraft(withFitHigh(75));
    setDraft(withFitHigh(80));
    const loading = await screen.findByText(/Comparing the draft/);
    expect(loading.closest('[aria-busy]')?.getAttribute('aria-busy')).toBe('true');
    expect(previewCalls(api)).toHaveLength(0);
    await screen.findByTestId('impact-summary', {}, WAIT);
    expect(previewCalls(api)).toHaveLength(1);
    expect((previewCalls(api)[0]?.body as { model: AlignmentModel } | undefined)?.model.quadrants.fitHigh).toBe(80);

    // A re-render with the same content (a new object) does not ask again.
    setDraft(withFitHigh(80));
    await new Promise((resolve) => setTimeout(resolve, IMPACT_DEBOUNCE_MS + 200));
    expect(previewCalls(api)).toHaveLength(1);
  });

  it('asks nothing for a draft that fails validation', async () => {
    const invalid = structuredClone(defaultModel) as unknown as { quadrants: { fitHigh: unknown } };
    invalid.quadrants.fitHigh = 150;
    renderPanel(api, invalid);
    expect(screen.getByText('The draft has problems, so it cannot score yet.')).toBeTruthy();
    expect(screen.queryByTestId('stored-leads-impact')).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, IMPACT_DEBOUNCE_MS + 200));
    expect(previewCalls(api)).toHaveLength(0);
  });

  it('shows a failure with a retry button that a keyboard can reach, and recovers', async () => {
    api.previewFailure = {
      ok: false,
      status: 503,
      etag: null,
      body: null,
      kind: 'unreachable',
      message: 'The Leadlens API did not answer.',
      errors: [],
    } as never;
    renderPanel(api, withFitHigh(80));
    expect(
      await screen.findByText('Could not compare with the stored leads: The Leadlens API did not answer.', {}, WAIT),
    ).toBeTruthy();
    api.previewFailure = null;
    const retry = screen.getByRole('button', { name: 'Compare again' });
    retry.focus();
    expect(document.activeElement).toBe(retry);
    await act(async () => {
      fireEvent.click(retry);
    });
    expect((await screen.findByTestId('impact-summary', {}, WAIT)).textContent).toMatch(/^2 of 4 /);
  });

  it('tells reps and marketers the comparison is for admins (the API answers 403)', async () => {
    api.role = 'rep';
    renderPanel(api, withFitHigh(80));
    expect(await screen.findByText('Only admins can compare a draft with the stored leads.', {}, WAIT)).toBeTruthy();
  });

  it('leaves the stored-leads comparison out for read-only viewers and asks the API nothing', async () => {
    api.role = 'rep';
    renderPanel(api, withFitHigh(80), 'en', false);
    await new Promise((resolve) => setTimeout(resolve, IMPACT_DEBOUNCE_MS * 2));
    expect(previewCalls(api)).toHaveLength(0);
    expect(screen.queryByTestId('impact-summary')).toBeNull();
  });

  it('says so when no leads are stored', async () => {
    api.storedLeads = [];
    renderPanel(api, withFitHigh(80));
    expect(await screen.findByText('No leads are stored yet, so nothing would change.', {}, WAIT)).toBeTruthy();
  });

  it.each([
    ['ja', '4 件中 2 件の登録済みリードの象限が変わり、1 件のステージが変わります。'],
    ['it', '2 lead salvati su 4 cambierebbero quadrante, 1 cambierebbero fase.'],
    ['ar', 'سيتغيّر ربع 2 من أصل 4 من العملاء المحتملين المخزَّنين، وستتغيّر مرحلة 1.'],
  ] as const)('speaks %s', async (locale, text) => {
    renderPanel(api, withFitHigh(80), locale);
    await waitFor(() => expect(screen.getByTestId('impact-summary').textContent).toBe(text), WAIT);
  });
});
