import { useEffect, useState } from 'react';
import type { SiteAdapter } from '../adapters';
import { FALLBACK_TOP, topBelowHeader } from './headerOffset';
import type { Box } from './placement';

export interface PageGeometry {
  /** Where the card starts when the user never moved it: below the site's header. */
  defaultTop: number;
  /** The site's element the card must not cover, when it is on screen. */
  anchor: Box | null;
  /**
   * The viewport's size, once read (after the first paint, and only while there is an anchor to
   * keep clear of); null before: the card's height is then left to CSS (see `placeCard`).
   */
  viewport: { width: number; height: number } | null;
}

function sameBox(a: Box | null, b: Box | null): boolean {
  if (a === null || b === null) return a === b;
  return a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;
}

function anchorBox(adapter: SiteAdapter, doc: Document): Box | null {
  const rect = adapter.anchor(doc, new URL(doc.location.href))?.getBoundingClientRect();
  if (!rect || rect.width <= 0 || rect.height <= 0) return null;
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

function sizeOf(view: Window): { width: number; height: number } {
  return { width: view.innerWidth, height: view.innerHeight };
}

/**
 * The page's header and anchor positions and the viewport size, for placing the card.
 *
 * Reading an element's position (or even `innerWidth`, which needs the layout to know about
 * scrollbars) forces the browser to lay out the page at once. Done while rendering, that layout
 * (of a whole LinkedIn or Gmail page, often still loading) landed inside the card's first render
 * and made it a long task (`npm run bench:overlay`; a CPU profile of a LinkedIn profile load put
 * ~50 ms of forced layout on the viewport read alone). So nothing is read while rendering:
 * positions are read in effects, after the paint, when the layout is already done. The first
 * paint uses the fallback top, the docked edge and a CSS height, and the card settles into place
 * a frame later if needed. The viewport is only needed to keep clear of an anchor, so it is read
 * with the anchor (and on resize), and a page with no anchor re-renders the card for nothing.
 */
export function usePageGeometry(doc: Document, adapter: SiteAdapter): PageGeometry {
  const view = doc.defaultView ?? window;
  const [defaultTop, setDefaultTop] = useState(FALLBACK_TOP);
  const [anchor, setAnchor] = useState<Box | null>(null);
  const [viewport, setViewport] = useState<PageGeometry['viewport']>(null);

  // After every render: the anchor (a compose window) comes and goes with what the site shows.
  useEffect(() => {
    const next = anchorBox(adapter, doc);
    if (next) setViewport((previous) => previous ?? sizeOf(view));
    setAnchor((previous) => (sameBox(previous, next) ? previous : next));
  });

  useEffect(() => {
    setDefaultTop(topBelowHeader(doc));
    const onResize = () => {
      setViewport(sizeOf(view));
      setDefaultTop(topBelowHeader(doc));
    };
    view.addEventListener('resize', onResize);
    return () => view.removeEventListener('resize', onResize);
  }, [doc, view]);

  return { defaultTop, anchor, viewport };
}
