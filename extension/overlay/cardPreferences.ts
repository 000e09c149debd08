import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { DockSide } from './LeadCard';

/** Where the card sits and whether it is folded; remembered across pages and sites. */
export interface CardPreferences {
  collapsed: boolean;
  dock: DockSide;
  /** Distance from the top of the viewport (px); null: just below the site's header. */
  top: number | null;
}

export const CARD_PREFERENCES_KEY = 'overlayCard';
const DEFAULTS: CardPreferences = { collapsed: false, dock: 'right', top: null };

function parsePreferences(value: unknown): CardPreferences {
  if (!value || typeof value !== 'object') return DEFAULTS;
  const raw = value as Partial<Record<keyof CardPreferences, unknown>>;
  return {
    collapsed: raw.collapsed === true,
    dock: raw.dock === 'left' ? 'left' : 'right',
    top: typeof raw.top === 'number' && Number.isFinite(raw.top) ? Math.max(0, raw.top) : null,
  };
}

function samePreferences(a: CardPreferences, b: CardPreferences): boolean {
  return a.collapsed === b.collapsed && a.dock === b.dock && a.top === b.top;
}

/** Read ahead by the content script (see `preloadCardPreferences`); null until that read is back. */
let preloaded: CardPreferences | null = null;

/**
 * Reads the stored preferences now, while the page is still loading, so the card's first render
 * is already folded, docked and placed as the user left it (instead of re-rendering when its own
 * read answers, after the first paint).
 */
export function preloadCardPreferences(): void {
  browser.storage.local
    .get(CARD_PREFERENCES_KEY)
    .then((stored) => {
      preloaded = parsePreferences(stored[CARD_PREFERENCES_KEY]);
    })
    .catch(() => undefined);
}

/** The stored card preferences and a setter that stores a change (shared by every open tab). */
export function useCardPreferences(): [CardPreferences, (change: Partial<CardPreferences>) => void] {
  const [preferences, setPreferences] = useState<CardPreferences>(() => preloaded ?? DEFAULTS);
  useEffect(() => {
    let live = true;
    browser.storage.local
      .get(CARD_PREFERENCES_KEY)
      .then((stored) => {
        if (!live) return;
        const next = parsePreferences(stored[CARD_PREFERENCES_KEY]);
        setPreferences((current) => (samePreferences(current, next) ? current : next));
      })
      .catch(() => undefined);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && CARD_PREFERENCES_KEY in changes) {
        setPreferences(parsePreferences(changes[CARD_PREFERENCES_KEY]?.newValue));
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  const update = useCallback((change: Partial<CardPreferences>) => {
    setPreferences((current) => {
      const next = { ...current, ...change };
      void browser.storage.local.set({ [CARD_PREFERENCES_KEY]: next }).catch(() => undefined);
      return next;
    });
  }, []);
  return [preferences, update];
}
