import { render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteAdapter } from '../adapters';
import { FALLBACK_TOP } from './headerOffset';
import { type PageGeometry, usePageGeometry } from './usePageGeometry';

const COMPOSE = { left: 700, top: 400, right: 1200, bottom: 900, width: 500, height: 500 };

function adapterWithAnchor(element: HTMLElement): SiteAdapter {
  return {
    id: 'gmail',
    matches: () => true,
    extract: () => ({ primary: null, others: [] }),
    personKey: () => null,
    anchor: () => element,
  };
}

/** Records what the hook returned on each render. */
function Probe({ adapter, onRender }: { adapter: SiteAdapter; onRender: (geometry: PageGeometry) => void }) {
  onRender(usePageGeometry(document, adapter));
  return null;
}

describe('usePageGeometry', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('reads no positions while rendering (no forced layout in the first paint), then measures the header and the anchor', async () => {
    const header = document.createElement('header');
    const compose = document.createElement('div');
    document.body.append(header, compose);
    const headerRect = vi
      .spyOn(header, 'getBoundingClientRect')
      .mockReturnValue({ top: 0, bottom: 52, height: 52 } as DOMRect);
    const composeRect = vi.spyOn(compose, 'getBoundingClientRect').mockReturnValue(COMPOSE as DOMRect);
    const renders: { reads: number; geometry: PageGeometry }[] = [];
    const onRender = (geometry: PageGeometry) =>
      renders.push({ reads: headerRect.mock.calls.length + composeRect.mock.calls.length, geometry });

    render(<Probe adapter={adapterWithAnchor(compose)} onRender={onRender} />);

    expect(renders[0]).toMatchObject({ reads: 0, geometry: { defaultTop: FALLBACK_TOP, anchor: null } });
    await waitFor(() =>
      expect(renders.at(-1)?.geometry).toMatchObject({
        defaultTop: 60,
        anchor: { left: 700, top: 400, right: 1200, bottom: 900 },
        viewport: { width: window.innerWidth, height: window.innerHeight },
      }),
    );
    expect(renders[0]?.geometry.viewport).toBeNull();
  });

  it('ignores an anchor that is not on screen', async () => {
    const hidden = document.createElement('div');
    document.body.append(hidden);
    const measured = vi.spyOn(hidden, 'getBoundingClientRect');
    const renders: PageGeometry[] = [];
    render(<Probe adapter={adapterWithAnchor(hidden)} onRender={(geometry) => renders.push(geometry)} />);
    await waitFor(() => expect(measured).toHaveBeenCalled());
    expect(renders.at(-1)?.anchor).toBeNull();
    // No anchor to keep clear of: the viewport is never read (no layout, no re-render for it).
    expect(renders.at(-1)?.viewport).toBeNull();
  });
});
