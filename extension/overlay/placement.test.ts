import { describe, expect, it } from 'vitest';
import { CARD_WIDTH, cssMaxHeight, placeCard } from './placement';

const VIEWPORT = { width: 1280, height: 800 };

describe('placeCard', () => {
  it('docks at the chosen edge below the header when nothing is in the way', () => {
    expect(placeCard({ side: 'right', top: 72, viewport: VIEWPORT })).toEqual({
      side: 'right',
      offset: 12,
      top: 72,
      maxHeight: 716,
    });
  });

  it('before the viewport was read (no forced layout), docks and leaves the same height to CSS', () => {
    expect(placeCard({ side: 'left', top: 60, viewport: null })).toEqual({
      side: 'left',
      offset: 12,
      top: 60,
      maxHeight: null,
    });
    // What placeCard computes from an 800 px viewport (728), in CSS: 100vh − top − the 12 px gap, at least 160 px.
    expect(cssMaxHeight(60)).toBe('max(160px, calc(100vh - 72px))');
  });

  it('ends above a compose window docked at the bottom right', () => {
    const compose = { left: 744, right: 1264, top: 420, bottom: 800 };
    const placement = placeCard({ side: 'right', top: 72, viewport: VIEWPORT, anchor: compose });
    expect(placement).toMatchObject({ side: 'right', offset: 12 });
    expect(placement.maxHeight).not.toBeNull();
    expect(placement.top + (placement.maxHeight ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(compose.top);
  });

  it('moves beside a tall floating window instead of covering it', () => {
    const compose = { left: 744, right: 1264, top: 100, bottom: 800 };
    const placement = placeCard({ side: 'right', top: 72, viewport: VIEWPORT, anchor: compose });
    expect(placement.side).toBe('right');
    const cardRight = VIEWPORT.width - placement.offset;
    expect(cardRight).toBeLessThanOrEqual(compose.left);
    expect(cardRight - CARD_WIDTH).toBeGreaterThanOrEqual(0);
  });

  it('stays docked over a wide pane rather than moving over the list beside it', () => {
    const readingPane = { left: 340, right: 1280, top: 60, bottom: 800 };
    expect(placeCard({ side: 'right', top: 72, viewport: VIEWPORT, anchor: readingPane })).toMatchObject({
      side: 'right',
      offset: 12,
    });
  });

  it('stays docked when the anchor leaves no useful room at all', () => {
    const full = { left: 0, right: 1280, top: 80, bottom: 800 };
    expect(placeCard({ side: 'left', top: 72, viewport: VIEWPORT, anchor: full })).toMatchObject({
      side: 'left',
      offset: 12,
    });
  });
});
