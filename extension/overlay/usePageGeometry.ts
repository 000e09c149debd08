import { useEffect, useState } from 'react';
import type { SiteAdapter } from '../adapters';
import { FALLBACK_TOP, topBelowHeader } from './headerOffset';
import type { Box } from './placement';

export interface PageGeometry {
  /** Where the card starts when the user never moved it: below the site's header. */
  defaultTop: number;
  /** The site's element the card must not cover, when it is on screen. */
  anchor: Box | null;
  viewport: { width: number; height: number };
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

/**
 * The page's header and anchor positions and the viewport size, for placing the card.
 *
 * Reading an element's position forces the browser to lay out the page at once. Done while
 * rendering, that layout (of a whole LinkedIn or Gmail page, often still loading) landed inside
 * the card's first render and made it a long task (`npm run bench:overlay`). So positions are
 * read in an effect, after the paint, when the layout is already done: the first paint uses the
 * fallback top and the docked edge, and the card settles into place a frame later if needed.
 */
export function usePageGeometry(doc: Document, adapter: SiteAdapter): PageGeometry {
  const view = doc.defaultView ?? window;
  const [defaultTop, setDefaultTop] = useState(FALLBACK_TOP);
  const [anchor, setAnchor] = useState<Box | null>(null);
  const [viewport, setViewport] = useState(() => ({ width: view.innerWidth, height: view.innerHeight }));

  // After every render: the anchor (a compose window) comes and goes with what the site shows.
  useEffect(() => {
    const next = anchorBox(adapter, doc);
    setAnchor((previous) => (sameBox(previous, next) ? previous : next));
  });

  useEffect(() => {
    setDefaultTop(topBelowHeader(doc));
    const onResize = () => {
      setViewport({ width: view.innerWidth, height: view.innerHeight });
      setDefaultTop(topBelowHeader(doc));
    };
    view.addEventListener('resize', onResize);
    return () => view.removeEventListener('resize', onResize);
  }, [doc, view]);

  return { defaultTop, anchor, viewport };
}
