import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { directionOf, matchLocale, SUPPORTED_LOCALES, t, useLocale } from './index';
import { ar } from './messages/ar';
import { en } from './messages/en';
import { it as italian } from './messages/it';
import { ja } from './messages/ja';

describe('i18n', () => {
  it('has every key, with the same placeholders, in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const catalogue of [ja, italian, ar]) {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(catalogue[key].trim(), key).not.toBe('');
        expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key]));
      }
    }
  });

  it('fills placeholders and picks the language', () => {
    expect(t('sla.due', { hours: 24, left: '5 h' }, 'en')).toBe('Follow up within 24 h — 5 h left');
    expect(t('label.fit', undefined, 'ja')).toBe('フィット');
    expect(t('label.fit', undefined, 'ar')).toBe('الملاءمة');
  });

  it('maps browser language tags to supported locales; Arabic is right-to-left', () => {
    expect(SUPPORTED_LOCALES).toEqual(['en', 'ja', 'it', 'ar']);
    expect(matchLocale('ja-JP')).toBe('ja');
    expect(matchLocale('it_IT')).toBe('it');
    expect(matchLocale('ar-AE')).toBe('ar');
    expect(matchLocale('fr-FR')).toBeNull();
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ja')).toBe('ltr');
  });

  it('follows the override the options page stores under "language", live', async () => {
    await fakeBrowser.storage.local.set({ language: 'ja' });
    const { result } = renderHook(() => useLocale());
    await waitFor(() => expect(result.current).toBe('ja'));
    await act(async () => {
      await fakeBrowser.storage.local.set({ language: 'ar' });
    });
    await waitFor(() => expect(result.current).toBe('ar'));
    await act(async () => {
      await fakeBrowser.storage.local.remove('language');
    });
    await waitFor(() => expect(result.current).toBe(matchLocale(navigator.language) ?? 'en'));
  });
});
