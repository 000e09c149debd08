import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { defaultModel, type Lead, type Quadrant } from '../../shared';

const MARKETING_OPS = defaultModel.personas.find((persona) => persona.id === 'marketing_ops');
if (!MARKETING_OPS) throw new Error('the default model has a marketing_ops persona');
const DECISION_POINTS = MARKETING_OPS.messaging.decision.talkingPoints;

import type { UiLocale } from '../i18n';
import type { LeadOutboxSummary } from '../lib/useLeadInsight';
import type { CardActions } from './LeadActions';
import { LeadCard, type LeadCardProps } from './LeadCard';
import { QUADRANT_SAMPLES, sampleScore } from './testing/sampleScore';

const NOW = Date.parse('2026-05-14T12:00:00Z');
const HOUR = 3_600_000;

const LEAD: Lead = {
  id: 'lead_1',
  email: 'giulia.romano@banca-aurora.example.it',
  name: 'Giulia Romano',
  lifecycleStage: 'mql',
  leadStatus: 'attempting_contact',
};

const NO_OUTBOX: LeadOutboxSummary = { pending: 0, failed: 0, paused: false, lastError: null, items: [] };

function renderCard(props: Partial<LeadCardProps> = {}) {
  return render(<LeadCard score={sampleScore()} lead={LEAD} model={defaultModel} locale="en" now={NOW} {...props} />);
}

function card() {
  return screen.getByTestId('leadlens-card');
}

describe('LeadCard data attributes (overlay contract)', () => {
  it.each(Object.keys(QUADRANT_SAMPLES) as Quadrant[])('a %s lead carries its quadrant and numbers', (quadrant) => {
    const numbers = QUADRANT_SAMPLES[quadrant];
    renderCard({ score: sampleScore({ ...numbers, quadrant, stage: 'lead', modelVersion: 3 }) });
    expect({ ...card().dataset }).toMatchObject({
      testid: 'leadlens-card',
      quadrant,
      score: String(numbers.score),
      fit: String(numbers.fit),
      interest: String(numbers.interest),
      stage: 'lead',
      persona: 'marketing_ops',
      modelVersion: '3',
    });
    // The active quadrant is the highlighted cell of the matrix, named with the model's label.
    const active = card().querySelector('.ll-cell-active');
    expect(active?.getAttribute('data-cell')).toBe(quadrant);
    expect(active?.textContent).toContain(defaultModel.quadrants.actions[quadrant].label.en);
  });

  it('shows score, grade, stage with the suggested stage, persona match, next action and why', () => {
    renderCard();
    const region = screen.getByRole('region', { name: 'Leadlens: Giulia Romano' });
    const text = region.textContent ?? '';
    expect(text).toContain('87');
    expect(text).toContain('Marketing qualified lead');
    expect(text).toContain('Attempting contact');
    expect(text).toContain('Suggested: Sales accepted lead');
    expect(text).toContain(MARKETING_OPS.name.en);
    expect(text).toContain('82% match');
    expect(text).toContain('Matched: title');
    expect(text).toContain('Sales follows up now');
    expect(text).toContain(DECISION_POINTS[0]?.en);
    expect(text).toContain('Financial services');
    expect(text).toContain('+30 pts');
  });

  it('shows admin-written model text in the UI language, whatever language the score was computed in', () => {
    renderCard({ locale: 'ja' });
    const text = card().textContent ?? '';
    expect(text).toContain(MARKETING_OPS.name.ja);
    expect(text).toContain(DECISION_POINTS[0]?.ja);
    expect(text).toContain(defaultModel.quadrants.actions.hot.nextAction.ja);
    expect(text).not.toContain(DECISION_POINTS[0]?.en);
  });

  it('offers Accept and Return only where the model allows the move', () => {
    const actions: CardActions = { logAttempt: vi.fn(), accept: vi.fn(), returnLead: vi.fn() };
    renderCard({ actions, score: sampleScore({ stage: 'lead' }), lead: { ...LEAD, lifecycleStage: 'lead' } });
    expect(screen.getByRole('button', { name: 'Log attempt' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Accept (SAL)' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Return' })).toBeNull();
  });
});

describe('unknown person', () => {
  it('shows fit and persona from page facts, "Interest unknown", an unknown stage and no actions', () => {
    const actions: CardActions = { logAttempt: vi.fn(), accept: vi.fn(), returnLead: vi.fn() };
    renderCard({
      lead: undefined,
      actions,
      score: sampleScore({
        quadrant: 'nurture',
        fit: 70,
        interest: 0,
        score: 35,
        interestKnown: false,
        stage: 'unknown',
        suggestedStage: undefined,
        personas: [],
      }),
    });
    expect(card().dataset).toMatchObject({ stage: 'unknown', interest: '0', fit: '70' });
    expect(card().getAttribute('data-persona')).toBe('');
    expect(card().textContent).toContain('Interest unknown');
    expect(card().textContent).toContain('No persona matched');
    expect(card().textContent).toContain('Not in the lead store yet');
    expect(screen.queryByRole('button', { name: 'Log attempt' })).toBeNull();
    expect(card().textContent).toContain('Actions need a stored lead.');
  });
});

describe('right-to-left and translations', () => {
  it.each([
    ['ar', 'rtl', 'الملاءمة', 'ساخن'],
    ['ja', 'ltr', 'フィット', 'ホット'],
    ['it', 'ltr', 'Interesse', 'Caldo'],
  ] as const)('%s: dir=%s, translated labels and model text', (locale: UiLocale, dir, fitLabel, hotLabel) => {
    renderCard({ locale });
    expect(card().getAttribute('dir')).toBe(dir);
    expect(card().getAttribute('lang')).toBe(locale);
    expect(card().textContent).toContain(fitLabel);
    expect(card().textContent).toContain(hotLabel);
    expect(card().dataset.quadrant).toBe('hot');
  });
});

describe('SLA clock', () => {
  it('counts down while time is left', () => {
    const sla = {
      startedAt: new Date(NOW - 19 * HOUR).toISOString(),
      dueAt: new Date(NOW + 5 * HOUR).toISOString(),
      breached: false,
      met: false,
      hours: 24,
    };
    renderCard({ score: sampleScore({ sla }) });
    const clock = card().querySelector('[data-sla]');
    expect(clock?.textContent).toBe('Follow up within 24 h — 5 h left');
    expect(clock?.classList.contains('ll-sla-breached')).toBe(false);
  });

  it('turns red and says how late once the due time passed, even if the score said it was not breached yet', () => {
    const sla = {
      startedAt: new Date(NOW - 26 * HOUR).toISOString(),
      dueAt: new Date(NOW - 2 * HOUR).toISOString(),
      breached: false,
      met: false,
      hours: 24,
    };
    renderCard({ score: sampleScore({ sla }) });
    const clock = card().querySelector('[data-sla]');
    expect(clock?.getAttribute('data-sla')).toBe('breached');
    expect(clock?.classList.contains('ll-sla-breached')).toBe(true);
    expect(clock?.textContent).toBe('Follow up within 24 h — overdue by 2 h');
  });
});

describe('talking points from page facts', () => {
  it('says the points come from the page while the lead record is asked for, and not once it is there', () => {
    const { unmount } = renderCard({ lead: undefined, stale: true, fetchedAt: null, status: 'ready' });
    expect(card().querySelector('[data-ll-provisional]')?.textContent).toBe(
      'From what this page shows: they may change when the lead record arrives.',
    );
    expect(card().querySelectorAll('.ll-points li').length).toBeGreaterThan(0);
    unmount();

    renderCard({ stale: false, fetchedAt: NOW - 60_000, status: 'ready' });
    expect(card().querySelector('[data-ll-provisional]')).toBeNull();
  });
});

describe('glossary tooltips', () => {
  it('shows the model definition of a label on keyboard focus and hides it on blur and Escape', () => {
    renderCard();
    const fitLabel = within(card().querySelector('.ll-numbers') as HTMLElement).getByText('Fit');
    const term = fitLabel.closest('.ll-term') as HTMLElement;
    expect(term.tabIndex).toBe(0);
    const tooltip = document.getElementById(term.getAttribute('aria-describedby') ?? '') as HTMLElement;
    expect(tooltip.getAttribute('role')).toBe('tooltip');
    expect(tooltip.hidden).toBe(true);

    act(() => term.focus());
    expect(tooltip.hidden).toBe(false);
    const fitDefinition = defaultModel.glossary.find((entry) => entry.id === 'fit')?.definition.en;
    expect(tooltip.textContent).toBe(fitDefinition);

    fireEvent.keyDown(term, { key: 'Escape' });
    expect(tooltip.hidden).toBe(true);
    act(() => term.focus());
    act(() => term.blur());
    expect(tooltip.hidden).toBe(true);
  });

  it('shows the definition of the lifecycle stage value on hover', () => {
    renderCard();
    const stage = screen.getByText('Marketing qualified lead').closest('.ll-term') as HTMLElement;
    fireEvent.mouseEnter(stage);
    expect(screen.getByRole('tooltip').textContent).toBe(
      defaultModel.lifecycle.stages.find((s) => s.id === 'mql')?.definition.en,
    );
  });
});

function Collapsible() {
  const [collapsed, setCollapsed] = useState(false);
  return (
    <LeadCard
      score={sampleScore()}
      lead={LEAD}
      model={defaultModel}
      locale="en"
      now={NOW}
      collapsed={collapsed}
      onCollapsedChange={setCollapsed}
    />
  );
}

describe('collapsing', () => {
  it('folds and unfolds from the keyboard, keeping the contract attributes and a named toggle', () => {
    render(<Collapsible />);
    const toggle = screen.getByRole('button', { name: 'Collapse Leadlens card' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const body = document.getElementById(toggle.getAttribute('aria-controls') ?? '') as HTMLElement;
    expect(body.hidden).toBe(false);

    act(() => toggle.focus());
    expect(document.activeElement).toBe(toggle);
    // A native button: Enter and Space activate it as a click.
    fireEvent.keyDown(toggle, { key: 'Enter' });
    fireEvent.click(toggle);
    expect(body.hidden).toBe(true);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-label')).toBe('Expand Leadlens card');
    expect(card().dataset.quadrant).toBe('hot');
    expect(card().textContent).toContain('87');

    fireEvent.click(toggle);
    expect(body.hidden).toBe(false);
  });

  it('folds on Escape from anywhere in the card and leaves the focus on the toggle', () => {
    render(<Collapsible />);
    const scoreTerm = screen.getByText('Score').closest('button') as HTMLElement;
    act(() => scoreTerm.focus());
    // The first Escape closes the definition tooltip the focus opened; the next folds the card.
    fireEvent.keyDown(scoreTerm, { key: 'Escape' });
    expect(card().dataset.collapsed).toBe('false');
    fireEvent.keyDown(scoreTerm, { key: 'Escape' });
    expect(card().dataset.collapsed).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Expand Leadlens card' }));
  });
});

describe('hostile strings', () => {
  const PAYLOAD = '<img src=x onerror="alert(1)">';

  it('renders page and model text as text, never as elements', () => {
    const { container } = renderCard({
      model: null,
      personName: `Evelyn ${PAYLOAD}`,
      score: sampleScore({
        // Ids the model does not know: the score's own (hostile) texts are what the card shows.
        nextAction: PAYLOAD,
        personas: [{ id: 'page_persona', name: PAYLOAD, confidence: 1, matched: [PAYLOAD] }],
        talkingPoints: [{ personaId: 'page_persona', journeyStage: 'decision', text: PAYLOAD }],
        why: [{ rule: 'x', label: PAYLOAD, points: 5, kind: 'fit' }],
        content: [{ personaId: 'page_persona', title: PAYLOAD, url: 'javascript:alert(1)' }],
      }),
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    // A javascript: URL from the model is shown as text, not as a link.
    expect(container.querySelector('a[href^="javascript"]')).toBeNull();
    expect(card().textContent).toContain(PAYLOAD);
    expect(card().getAttribute('aria-label')).toBe(`Leadlens: Evelyn ${PAYLOAD}`);
  });

  it('cuts very long text and isolates its direction', () => {
    const long = `Head of ${'Everything '.repeat(100)}`;
    renderCard({ personName: `\u202Eevil\u202C ${long}` });
    const name = card().querySelector('.ll-name') as HTMLElement;
    expect(name.getAttribute('dir')).toBe('auto');
    expect(Array.from(name.textContent ?? '').length).toBeLessThanOrEqual(60);
    expect(name.textContent?.endsWith('…')).toBe(true);
    expect(name.getAttribute('title')).toContain('Everything Everything');
  });
});

describe('actions', () => {
  function setup(outbox: LeadOutboxSummary = NO_OUTBOX) {
    const actions = {
      logAttempt: vi.fn(async () => ({})),
      accept: vi.fn(async () => ({})),
      returnLead: vi.fn(async () => ({})),
    };
    renderCard({ actions, outbox });
    return actions;
  }

  it('logs an attempt on the chosen channel and says it is queued', async () => {
    const actions = setup();
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'phone' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Log attempt' }));
    });
    expect(actions.logAttempt).toHaveBeenCalledWith({ channel: 'phone' });
    expect(card().textContent).toContain('Queued: connect attempt');
  });

  it('accepts the lead', async () => {
    const actions = setup();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Accept (SAL)' }));
    });
    expect(actions.accept).toHaveBeenCalledOnce();
  });

  it('returns only with a reason', async () => {
    const actions = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Return' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Return to marketing' }));
    });
    expect(actions.returnLead).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('A reason is required.');

    fireEvent.change(screen.getByLabelText('Why is it returned?'), { target: { value: '  Budget frozen until Q3 ' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Return to marketing' }));
    });
    expect(actions.returnLead).toHaveBeenCalledWith('Budget frozen until Q3');
  });

  it('shows queued and failed writes of the lead', () => {
    setup({
      pending: 1,
      failed: 1,
      paused: false,
      lastError: 'conflict',
      items: [
        {
          id: 'a',
          kind: 'attempt',
          leadId: 'lead_1',
          state: 'pending',
          attempts: 0,
          createdAt: NOW,
          nextAttemptAt: NOW,
          lastError: null,
        },
        {
          id: 'b',
          kind: 'accept',
          leadId: 'lead_1',
          state: 'failed',
          attempts: 1,
          createdAt: NOW,
          nextAttemptAt: NOW,
          lastError: 'Invalid move from lead to sal',
        },
      ],
    });
    expect(card().textContent).toContain('1 waiting to be sent');
    expect(screen.getByRole('alert').textContent).toBe('1 failed: Invalid move from lead to sal');
  });

  it('shows an error the background gave back', async () => {
    const actions = setup();
    actions.accept.mockRejectedValueOnce(new Error('This person is not a stored lead yet'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Accept (SAL)' }));
    });
    expect(screen.getByRole('alert').textContent).toBe('This person is not a stored lead yet');
  });

  it('says in words what to do when the browser store is full', async () => {
    const actions = setup();
    actions.accept.mockRejectedValueOnce(Object.assign(new Error('QuotaExceededError'), { code: 'storage_full' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Accept (SAL)' }));
    });
    expect(screen.getByRole('alert').textContent).toMatch(/^Not saved: the browser's storage for Leadlens is full/);
  });
});

describe('status', () => {
  it('says when the data is offline and how old it is, or stale', () => {
    const { rerender } = renderCard({ offline: true, fetchedAt: NOW - 2 * HOUR });
    expect(card().querySelector('.ll-status')?.textContent).toContain('Offline: showing what was saved 2 h ago.');
    rerender(<LeadCard score={sampleScore()} lead={LEAD} model={defaultModel} locale="en" now={NOW} stale />);
    expect(card().querySelector('.ll-status')?.textContent).toContain('May be out of date');
  });

  it('marks the card root with the offline flag and status (for tests), keeping the contract attributes', () => {
    const { rerender } = renderCard({ status: 'offline', fetchedAt: NOW - 2 * HOUR });
    expect(card().getAttribute('data-ll-offline')).toBe('true');
    expect(card().getAttribute('data-ll-status')).toBe('offline');
    expect(card().getAttribute('data-quadrant')).toBe(sampleScore().quadrant);
    rerender(
      <LeadCard score={sampleScore()} lead={LEAD} model={defaultModel} locale="en" now={NOW} status="reconnect" />,
    );
    expect(card().getAttribute('data-ll-offline')).toBe('false');
    expect(card().getAttribute('data-ll-status')).toBe('reconnect');
    expect(card().querySelector('.ll-status')?.textContent).toContain('reconnect in the options');
  });
});
