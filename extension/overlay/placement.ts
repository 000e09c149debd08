import type { DockSide } from './LeadCard';

export const CARD_WIDTH = 320;
const EDGE_GAP = 12;
/** Below this the card is not worth shrinking to: it stays put and the user can fold or move it. */
const MIN_USEFUL_HEIGHT = 160;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface CardPlacement {
  /** The viewport edge the card is measured from (physical, whatever the UI direction). */
  side: DockSide;
  /** Distance from that edge (px). */
  offset: number;
  top: number;
  /** Null: the viewport was not read yet; CSS keeps the card within it (see `cssMaxHeight`). */
  maxHeight: number | null;
}

export interface PlacementInput {
  side: DockSide;
  top: number;
  /** Null until read (reading it forces a layout): the card is then docked, its height left to CSS. */
  viewport: { width: number; height: number } | null;
  /** The site's element the card must not cover (the email being written, a profile's top card). */
  anchor?: Box | null;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Where the card goes: at the docked edge below the site header, unless that would cover the
 * adapter's anchor (e.g. Gmail's compose window, docked bottom-right). Then it ends above the
 * anchor when that leaves a useful height, else it moves beside a floating anchor when there is
 * room, else it stays (over a wide pane; the user can fold, re-dock or drag it).
 */
export function placeCard({ side, top, viewport, anchor }: PlacementInput): CardPlacement {
  if (!viewport) return { side, offset: EDGE_GAP, top, maxHeight: null };
  const naturalHeight = Math.max(MIN_USEFUL_HEIGHT, viewport.height - top - EDGE_GAP);
  const docked = { side, offset: EDGE_GAP, top, maxHeight: naturalHeight };
  if (!anchor) return docked;
  const cardBox = (placement: CardPlacement & { maxHeight: number }): Box => {
    const left = placement.side === 'right' ? viewport.width - placement.offset - CARD_WIDTH : placement.offset;
    return { left, right: left + CARD_WIDTH, top: placement.top, bottom: placement.top + placement.maxHeight };
  };
  if (!overlaps(cardBox(docked), anchor)) return docked;

  // Above the anchor (a compose window docked at the bottom), when that leaves a useful card.
  const heightAbove = anchor.top - top - EDGE_GAP;
  if (heightAbove >= MIN_USEFUL_HEIGHT) return { ...docked, maxHeight: heightAbove };
  // Beside a floating window (at most half the screen wide); never beside a whole pane, which
  // would push the card over the site's lists and navigation.
  const floating = anchor.right - anchor.left <= viewport.width / 2;
  const roomBeside = side === 'right' ? anchor.left - EDGE_GAP : viewport.width - anchor.right - EDGE_GAP;
  if (floating && roomBeside >= CARD_WIDTH + EDGE_GAP) {
    const offset = side === 'right' ? viewport.width - anchor.left + EDGE_GAP : anchor.right + EDGE_GAP;
    return { ...docked, offset };
  }
  return docked;
}

/** The docked card's natural height in CSS, for when the viewport was not read: what `placeCard` computes. */
export function cssMaxHeight(top: number): string {
  return `max(${MIN_USEFUL_HEIGHT}px, calc(100vh - ${top + EDGE_GAP}px))`;
}
