import { type MessageParams, type UiLocale, useUiLocale } from '../../i18n';
import { ar } from './ar';
import { en, type OptionsCatalogue, type OptionsMessageKey } from './en';
import { it } from './it';
import { ja } from './ja';

export type { OptionsMessageKey } from './en';

/*
 * The options page's and popup's own words. They live beside the overlay's catalogue (same
 * locales, same `{name}` placeholders, same language setting) rather than in it, so the two
 * pages can grow without editing one shared file.
 */
const CATALOGUES: Record<UiLocale, OptionsCatalogue> = { en, ja, it, ar };

/** The text for `key` in `locale` with `{name}` placeholders filled; English when a catalogue lacks it. */
export function optionsText(key: OptionsMessageKey, params: MessageParams | undefined, locale: UiLocale): string {
  const template = CATALOGUES[locale][key] ?? en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

export type Translate = (key: OptionsMessageKey, params?: MessageParams) => string;

/** `optionsText` bound to the surrounding `LocaleProvider`'s language. */
export function useOt(): Translate {
  const locale = useUiLocale();
  return (key, params) => optionsText(key, params, locale);
}
