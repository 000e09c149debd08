import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultModel, score } from '../../../shared';
import { FakeOptionsApi } from '../../options/test/fakeOptionsApi';
import { Popup } from './Popup';

describe('popup', () => {
  it('shows the connection, model version and queued writes', async () => {
    render(<Popup api={new FakeOptionsApi()} />);
    await waitFor(() => expect(screen.getByTestId('popup-connection').getAttribute('data-state')).toBe('connected'));
    expect(screen.getByTestId('popup-connection').textContent).toContain('https://api.leadlens.test');
    expect(screen.getByTestId('popup-model-version').textContent).toBe('Model version 1');
    await waitFor(() => expect(screen.getByTestId('popup-outbox').getAttribute('data-pending')).toBe('2'));
  });

  it('looks a lead up by email and shows quadrant, score, stage and persona', async () => {
    const api = new FakeOptionsApi();
    const lead = {
      id: 'lead_1',
      email: 'ada@bank.example',
      title: 'CIO',
      industry: 'financial_services',
      employees: 9000,
      country: 'JP',
      lifecycleStage: 'mql',
    };
    const result = score(defaultModel, lead, [], '2025-06-01T00:00:00Z', { modelVersion: 1 });
    api.insightAnswer = {
      lookupKey: 'email:ada@bank.example',
      status: 'ready',
      insight: { score: result, lead, stale: false, offline: false, fetchedAt: 0 },
      modelVersion: 1,
    };
    render(<Popup api={api} />);
    await waitFor(() => expect(screen.getByTestId('popup-connection').getAttribute('data-state')).toBe('connected'));
    fireEvent.change(screen.getByLabelText('Look up a lead by email'), { target: { value: 'ada@bank.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    const answer = await screen.findByText('Quadrant');
    const card = answer.closest('dl');
    expect(card?.getAttribute('data-quadrant')).toBe(result.quadrant);
    expect(card?.getAttribute('data-score')).toBe(String(result.score));
    expect(card?.getAttribute('data-stage')).toBe('mql');
    expect(card?.getAttribute('data-persona')).toBe(result.personas[0]?.id);
    expect(card?.textContent).toContain(`score ${result.score}`);
  });

  it('says when nobody is stored under that email', async () => {
    const api = new FakeOptionsApi();
    api.insightAnswer = { lookupKey: 'email:x@y.z', status: 'ready', modelVersion: 1 };
    render(<Popup api={api} />);
    await waitFor(() => expect(screen.getByTestId('popup-connection').getAttribute('data-state')).toBe('connected'));
    fireEvent.change(screen.getByLabelText('Look up a lead by email'), { target: { value: 'x@y.z' } });
    fireEvent.click(screen.getByRole('button', { name: 'Look up' }));
    await screen.findByText('No stored lead with this email.');
  });
});
