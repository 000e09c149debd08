import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type FunnelLeadInput, funnelMetrics } from '../../../shared';
import { LocaleProvider } from '../../i18n';
import type { ApiCallResult } from '../../lib/messages';
import { OptionsApiContext } from '../api';
import { FakeOptionsApi } from '../test/fakeOptionsApi';
import { FunnelTab } from './FunnelTab';

const STAGES = ['subscriber', 'lead', 'mql', 'sal', 'sql', 'opportunity', 'customer'];

function lead(id: string, industry: string, stages: string[]): FunnelLeadInput {
  return {
    id,
    createdAt: '2025-03-01T00:00:00Z',
    industry,
    stageHistory: stages.map((stage, i) => ({ stage, at: `2025-03-0${i + 1}T00:00:00Z` })),
  };
}

/** The funnel API answered from the shared funnelMetrics over a few leads. */
class FunnelApi extends FakeOptionsApi {
  override async call(method: 'GET' | 'POST' | 'DELETE', path: string): Promise<ApiCallResult> {
    this.calls.push({ method, path });
    const url = new URL(path, 'https://api.test');
    const segment = url.searchParams.get('segment');
    const metrics = funnelMetrics(
      [
        lead('a', 'software', ['lead', 'mql', 'sal']),
        lead('b', 'retail', ['lead', 'mql']),
        lead('c', 'retail', ['lead']),
      ],
      {
        stageOrder: STAGES,
        now: '2025-06-01T00:00:00Z',
        ...(segment ? { segmentBy: segment as 'industry' } : {}),
      },
    );
    return {
      ok: true,
      status: 200,
      etag: null,
      body: { ...metrics, modelVersion: 1 },
      kind: null,
      message: null,
      errors: [],
    };
  }
}

function renderFunnel(api: FakeOptionsApi) {
  return render(
    <OptionsApiContext.Provider value={api}>
      <LocaleProvider locale="en">
        <FunnelTab />
      </LocaleProvider>
    </OptionsApiContext.Provider>,
  );
}

describe('funnel dashboard', () => {
  it('draws stage bars with their numbers on hover and asks for the chosen period and segment', async () => {
    const api = new FunnelApi();
    renderFunnel(api);
    const dashboard = await screen.findByTestId('funnel-dashboard');
    const mql = dashboard.querySelector('[data-bar="mql"]');
    expect(mql?.getAttribute('data-value')).toBe('2');
    expect(mql?.querySelector('title')?.textContent).toContain('mql: 2 leads entered');
    expect(dashboard.querySelector('[data-bar="lead-mql"] title')?.textContent).toBe('lead → mql: 2 of 3 (66.7 %)');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByLabelText('To (exclusive)'), { target: { value: '2025-07-01' } });
    fireEvent.change(screen.getByLabelText('Segment by'), { target: { value: 'industry' } });
    await waitFor(() =>
      expect(api.calls.at(-1)?.path).toBe('/v1/metrics/funnel?from=2025-01-01&to=2025-07-01&segment=industry'),
    );
    await waitFor(() => expect(screen.getByText('retail (2 leads)')).toBeTruthy());
  });
});
