import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { UiLocale } from '../../i18n';
import { renderModelEditor } from '../test/renderModelEditor';
import { OptionsDb } from './draftStore';

function renderSla(locale: UiLocale, db: OptionsDb) {
  renderModelEditor({ locale, db });
}

async function storedFollowUpHours(db: OptionsDb): Promise<Record<string, unknown> | undefined> {
  const row = await db.drafts.get('model');
  return (row?.draft as { sla?: { followUpHours?: Record<string, unknown> } } | undefined)?.sla?.followUpHours;
}

describe('SLA section', () => {
  const opened: OptionsDb[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  it('sets, validates and clears the follow-up time of disqualify leads without JSON', async () => {
    const db = new OptionsDb(`leadlens-options-test-${crypto.randomUUID()}`);
    opened.push(db);
    renderSla('en', db);
    await screen.findByLabelText('Fit "high" threshold');
    fireEvent.click(screen.getByRole('tab', { name: 'SLA' }));
    const input = await screen.findByLabelText<HTMLInputElement>(
      'Disqualify leads: follow up within (hours, optional)',
    );
    expect(input.value).toBe('');

    fireEvent.change(input, { target: { value: '0' } });
    // The shared schema wants a positive number; the message sits next to the field.
    const message = await waitFor(() => {
      const found = document.querySelector('[data-error-path="sla.followUpHours.disqualify"]');
      if (!found) throw new Error('no message yet');
      return found;
    });
    expect(input.closest('.field')?.contains(message)).toBe(true);
    expect(screen.getByTestId('model-status').getAttribute('data-valid')).toBe('false');

    fireEvent.change(input, { target: { value: '168' } });
    await waitFor(() => expect(screen.getByTestId('model-status').getAttribute('data-valid')).toBe('true'));
    await waitFor(async () => expect((await storedFollowUpHours(db))?.disqualify).toBe(168), { timeout: 10_000 });

    // Emptied, the optional clock is removed from the model rather than kept as "".
    fireEvent.change(input, { target: { value: '' } });
    await waitFor(async () => expect(await storedFollowUpHours(db)).toEqual({ hot: 24 }), { timeout: 10_000 });
    expect(screen.getByTestId('model-status').getAttribute('data-dirty')).toBe('false');
  });

  it.each([
    ['ja', 'SLA', '対象外リード：フォローアップ期限（時間、任意）'],
    ['it', 'SLA', 'Lead da squalificare: ricontattare entro (ore, facoltativo)'],
    ['ar', 'اتفاقية مستوى الخدمة', 'العملاء المستبعدون: المتابعة خلال (ساعات، اختياري)'],
  ] as const)('labels the field in %s', async (locale, tab, label) => {
    const db = new OptionsDb(`leadlens-options-test-${crypto.randomUUID()}`);
    opened.push(db);
    renderSla(locale, db);
    await screen.findAllByRole('tab');
    await waitFor(() => expect(screen.queryByRole('tab', { name: tab })).toBeTruthy());
    fireEvent.click(screen.getByRole('tab', { name: tab }));
    expect(await screen.findByLabelText(label)).toBeTruthy();
  });
});
