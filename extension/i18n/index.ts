import { createContext, createElement, type ReactNode, useContext, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { ar } from './messages/ar';
import { type Catalogue, en, type MessageKey } from './messages/en';
import { it } from './messages/it';
import { ja } from './messages/ja';

export type { MessageKey } from './messages/en';

/** Languages the extension's own UI is written in; admin text may have more. */
export const SUPPORTED_LOCALES = ['en', 'ja', 'it', 'ar'] as const;
export type UiLocale = (typeof SUPPORTED_LOCALES)[number];

/** `browser.storage.local` key the options page writes; absent or `auto` follows the browser. */
export const LANGUAGE_STORAGE_KEY = 'language';

const CATALOGUES: Record<UiLocale, Catalogue> = { en, ja, it, ar };
const RIGHT_TO_LEFT: ReadonlySet<UiLocale> = new Set(['ar']);

export type MessageParams = Record<string, string | number>;

/** The supported language for a BCP 47 tag (`ja-JP` → `ja`), or null when we have none for it. */
export function matchLocale(tag: string | null | undefined): UiLocale | null {
  if (!tag) return null;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LOCALES.find((locale) => locale === base) ?? null;
}

export function isRightToLeft(locale: UiLocale): boolean {
  return RIGHT_TO_LEFT.has(locale);
}

export function directionOf(locale: UiLocale): 'rtl' | 'ltr' {
  return isRightToLeft(locale) ? 'rtl' : 'ltr';
}

/** The browser's UI language when we speak it, else English. */
export function browserLocale(): UiLocale {
  let uiLanguage: string | undefined;
  try {
    uiLanguage = browser.i18n?.getUILanguage?.();
  } catch {
    // Not in an extension context (component tests): navigator.language says the same.
  }
  return matchLocale(uiLanguage) ?? matchLocale(globalThis.navigator?.language) ?? 'en';
}

/**
 * The text for `key` in `locale` (default: the browser's language) with `{name}` placeholders
 * filled. Falls back to English for a key a catalogue lacks, never to the key itself.
 */
export function t(key: MessageKey, params?: MessageParams, locale: UiLocale = browserLocale()): string {
  const template = CATALOGUES[locale][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

/** Reads the stored override; `null` means "follow the browser". */
export async function storedLocale(): Promise<UiLocale | null> {
  const stored = await browser.storage.local.get(LANGUAGE_STORAGE_KEY);
  const value = stored[LANGUAGE_STORAGE_KEY];
  return typeof value === 'string' ? matchLocale(value) : null;
}

/**
 * The UI language: the options page's override when set, else the browser's; follows changes
 * to the override while mounted, so every open card switches language without a reload.
 */
export function useLocale(): UiLocale {
  const [locale, setLocale] = useState<UiLocale>(browserLocale);
  useEffect(() => {
    let live = true;
    const apply = (value: unknown) => {
      if (live) setLocale((typeof value === 'string' ? matchLocale(value) : null) ?? browserLocale());
    };
    storedLocale()
      .then((stored) => apply(stored))
      .catch(() => undefined);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && LANGUAGE_STORAGE_KEY in changes) apply(changes[LANGUAGE_STORAGE_KEY]?.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return locale;
}

const LocaleContext = createContext<UiLocale>('en');

/** Gives the components below one language (the card's), so they need no locale props. */
export function LocaleProvider({ locale, children }: { locale: UiLocale; children: ReactNode }) {
  return createElement(LocaleContext.Provider, { value: locale }, children);
}

/** The language of the surrounding `LocaleProvider`. */
export function useUiLocale(): UiLocale {
  return useContext(LocaleContext);
}

/** `t` bound to the surrounding `LocaleProvider`'s language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useContext(LocaleContext);
  return (key, params) => t(key, params, locale);
}
