import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderModelEditor } from '../test/renderModelEditor';
import type { OptionsDb } from './draftStore';

/**
 * Types like a person: one key at a time, each keystroke seeing what the field shows after the
 * previous one. (Setting the whole value at once hides a field that eats "0." or "JP,".)
 */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  fireEvent.focus(field);
  fireEvent.change(field, { target: { value: '' } });
  for (const character of text) fireEvent.change(field, { target: { value: field.value + character } });
  fireEvent.blur(field);
}

async function storedDraft(db: OptionsDb): Promise<Record<string, unknown>> {
  return ((await db.drafts.get('model'))?.draft ?? {}) as Record<string, unknown>;
}

describe('typing into the model editor key by key', () => {
  const opened: OptionsDb[] = [];
  let db: OptionsDb;
  afterEach(() => {
    for (const open of opened.splice(0)) open.close();
  });

  async function renderEditor() {
    db = renderModelEditor().db;
    opened.push(db);
    await screen.findByLabelText('Fit "high" threshold');
  }

  it('keeps the decimal point while a fraction is typed (fit weight 0.65)', async () => {
    await renderEditor();
    const weight = screen.getByLabelText<HTMLInputElement>('Fit weight in the score');
    typeInto(weight, '0.65');
    expect(weight.value).toBe('0.65');
    // Every key is saved (Dexie); the last save wins.
    await waitFor(async () => expect((await storedDraft(db)).fitWeight).toBe(0.65), { timeout: 10_000 });
    expect(screen.getByTestId('model-status').getAttribute('data-valid')).toBe('true');
  });

  it('keeps the comma while a list of condition values is typed', async () => {
    await renderEditor();
    fireEvent.click(screen.getByRole('tab', { name: 'ICP fit rules' }));
    const firstRule = document.querySelector('details.list-item summary');
    if (!firstRule) throw new Error('no fit rule');
    fireEvent.click(firstRule);
    const op = await waitFor(() => {
      const found = document.querySelector<HTMLSelectElement>('[data-path="icp.rules.0.when.op"]');
      if (!found) throw new Error('condition not rendered');
      return found;
    });
    fireEvent.change(op, { target: { value: 'in' } });
    const values = document.querySelector<HTMLInputElement>('[data-path="icp.rules.0.when.values"]');
    if (!values) throw new Error('values field not rendered');
    typeInto(values, 'JP, IT, AE');
    expect(values.value).toBe('JP, IT, AE');
    await waitFor(
      async () => {
        const rules = (await storedDraft(db)).icp as { rules: { when: unknown }[] };
        expect(rules.rules[0]?.when).toMatchObject({ op: 'in', values: ['JP', 'IT', 'AE'] });
      },
      { timeout: 10_000 },
    );
  });
});
