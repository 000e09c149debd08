import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultModel } from '../../../shared';
import { FakeOptionsApi } from '../test/fakeOptionsApi';
import { renderModelEditor } from '../test/renderModelEditor';
import type { OptionsDb } from './draftStore';

function renderModelTab(api: FakeOptionsApi, dbName: string, canEdit = true) {
  return renderModelEditor({ api, dbName, canEdit });
}

const fitHighInput = () => screen.findByLabelText<HTMLInputElement>('Fit "high" threshold');

describe('model editor', () => {
  let api: FakeOptionsApi;
  let dbName: string;
  const opened: OptionsDb[] = [];

  beforeEach(() => {
    api = new FakeOptionsApi();
    dbName = `leadlens-options-test-${crypto.randomUUID()}`;
  });
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
  });

  it('shows the validation message next to the field by its path, and a failing draft cannot be published', async () => {
    const { db } = renderModelTab(api, dbName);
    opened.push(db);
    const input = await fitHighInput();
    expect(input.value).toBe(String(defaultModel.quadrants.fitHigh));
    expect(screen.getByTestId('model-valid')).toBeTruthy();

    fireEvent.change(input, { target: { value: '150' } });
    const message = await screen.findByText(
      (_, element) => element?.getAttribute('data-error-path') === 'quadrants.fitHigh',
    );
    // The message sits in the same field block as the input, which points at it for screen readers.
    expect(input.closest('.field')?.contains(message)).toBe(true);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.contains(message)).toBe(true);
    expect(within(screen.getByTestId('model-errors')).getByText('quadrants.fitHigh')).toBeTruthy();

    fireEvent.change(input, { target: { value: 'high' } });
    await waitFor(() =>
      expect(document.querySelector('[data-error-path="quadrants.fitHigh"]')?.textContent).toMatch(/number/i),
    );

    fireEvent.click(screen.getByRole('tab', { name: 'Publish & history' }));
    const publish = await screen.findByTestId('publish-model');
    expect((publish as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('publish-blocked').textContent).toContain('1 problem');
    expect(api.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  it('reports a broken pattern in a persona at its nested path', async () => {
    const { db } = renderModelTab(api, dbName);
    opened.push(db);
    await fitHighInput();
    fireEvent.click(screen.getByRole('tab', { name: 'Personas' }));
    // Personas start collapsed; opening one renders its fields.
    fireEvent.click(await screen.findByText(defaultModel.personas[0]?.name.en ?? '', { selector: 'summary' }));
    const pattern = await waitFor(() => {
      const found = document.querySelector<HTMLInputElement>('[data-path="personas.0.titlePatterns.0.pattern"]');
      if (!found) throw new Error('pattern field not rendered');
      return found;
    });
    fireEvent.change(pattern, { target: { value: '(unclosed' } });
    await waitFor(() =>
      expect(document.querySelector('[data-error-path="personas.0.titlePatterns.0.pattern"]')?.textContent).toMatch(
        /regular expression/,
      ),
    );
  });

  it('requires English in a persona description, and drops the description when every language is emptied', async () => {
    const { db } = renderModelTab(api, dbName);
    opened.push(db);
    await fitHighInput();
    fireEvent.click(screen.getByRole('tab', { name: 'Personas' }));
    fireEvent.click(await screen.findByText(defaultModel.personas[0]?.name.en ?? '', { selector: 'summary' }));
    const field = (locale: string) =>
      document.querySelector<HTMLTextAreaElement>(
        `[data-path="personas.0.description.${locale}"]`,
      ) as HTMLTextAreaElement;
    await waitFor(() => expect(field('en')).toBeTruthy());

    fireEvent.change(field('en'), { target: { value: '' } });
    await waitFor(() => expect(document.querySelector('[data-error-path="personas.0.description.en"]')).toBeTruthy());
    for (const locale of ['ja', 'it', 'ar']) fireEvent.change(field(locale), { target: { value: '' } });
    await waitFor(() => expect(screen.getByTestId('model-status').getAttribute('data-valid')).toBe('true'));
    expect(document.querySelector('[data-error-path^="personas.0.description"]')).toBeNull();
  });

  it('keeps the draft across a reload of the page (closing the tab loses nothing)', async () => {
    const first = renderModelTab(api, dbName);
    fireEvent.change(await fitHighInput(), { target: { value: '77' } });
    await waitFor(() => expect(screen.getByTestId('model-status').textContent).toMatch(/Draft saved locally/));
    first.unmount();
    first.db.close();

    const second = renderModelTab(api, dbName);
    opened.push(second.db);
    expect((await fitHighInput()).value).toBe('77');
    expect(screen.getByTestId('model-status').getAttribute('data-dirty')).toBe('true');
  });

  it('publishes with If-Match and the note, then starts the next draft from the new version', async () => {
    const { db } = renderModelTab(api, dbName);
    opened.push(db);
    fireEvent.change(await fitHighInput(), { target: { value: '65' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Publish & history' }));
    fireEvent.change(await screen.findByLabelText('Note for this version (what and why)'), {
      target: { value: 'Stricter fit' },
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('publish-model'));
    });
    await waitFor(() => expect(screen.getByTestId('publish-result').textContent).toContain('version 2'));
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.ifMatch).toBe(api.etagOf(1));
    expect(post?.body).toMatchObject({ note: 'Stricter fit', model: { quadrants: { fitHigh: 65 } } });
    expect(api.live().model.quadrants.fitHigh).toBe(65);
    expect(screen.getByTestId('model-status').getAttribute('data-dirty')).toBe('false');
  });

  it('shows the conflict when someone published first, and rebases my edits over their version', async () => {
    const { db } = renderModelTab(api, dbName);
    opened.push(db);
    fireEvent.change(await fitHighInput(), { target: { value: '66' } });
    // Another admin raises the interest threshold meanwhile.
    api.publishElsewhere({ ...defaultModel, quadrants: { ...defaultModel.quadrants, interestHigh: 71 } });

    fireEvent.click(screen.getByRole('tab', { name: 'Publish & history' }));
    await act(async () => {
      fireEvent.click(await screen.findByTestId('publish-model'));
    });
    const conflict = await screen.findByTestId('publish-conflict');
    const theirs = within(conflict).getByTestId('conflict-their-changes');
    expect(within(theirs).getByText('quadrants.interestHigh')).toBeTruthy();
    expect(within(theirs).getByText('71')).toBeTruthy();
    expect(within(within(conflict).getByTestId('conflict-your-changes')).getByText('quadrants.fitHigh')).toBeTruthy();
    expect(api.versions).toHaveLength(2);

    fireEvent.click(screen.getByTestId('rebase-draft'));
    await waitFor(() => expect(screen.queryByTestId('publish-conflict')).toBeNull());
    await act(async () => {
      fireEvent.click(screen.getByTestId('publish-model'));
    });
    await waitFor(() => expect(api.versions).toHaveLength(3));
    expect(api.live().model.quadrants).toMatchObject({ fitHigh: 66, interestHigh: 71 });
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => c.ifMatch)).toEqual([api.etagOf(1), api.etagOf(2)]);
  });

  it('lists versions, diffs two of them, and rolls back; an unedited draft follows the live version', async () => {
    api.publishElsewhere({ ...defaultModel, quadrants: { ...defaultModel.quadrants, fitHigh: 64 } }, 'Fit 64');
    const { db } = renderModelTab(api, dbName);
    opened.push(db);
    expect((await fitHighInput()).value).toBe('64');
    fireEvent.click(screen.getByRole('tab', { name: 'Publish & history' }));
    const history = await screen.findByTestId('version-history');
    expect(within(history).getByText('Fit 64')).toBeTruthy();
    expect(within(history).getByText('other-admin')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    const diff = await screen.findByTestId('history-diff');
    expect(within(diff).getByText('quadrants.fitHigh')).toBeTruthy();
    expect(diff.getAttribute('data-changes')).toBe('1');

    const confirm = globalThis.confirm;
    globalThis.confirm = () => true;
    try {
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Roll back to version 1' }));
      });
    } finally {
      globalThis.confirm = confirm;
    }
    await waitFor(() => expect(api.versions).toHaveLength(3));
    expect(api.live()).toMatchObject({ note: 'Rollback to version 1' });
    expect(api.live().model.quadrants.fitHigh).toBe(defaultModel.quadrants.fitHigh);
    fireEvent.click(screen.getByRole('tab', { name: 'Scoring' }));
    await waitFor(async () => expect((await fitHighInput()).value).toBe(String(defaultModel.quadrants.fitHigh)));
  });

  it('is read-only for non-admins', async () => {
    api.role = 'rep';
    const { db } = renderModelTab(api, dbName, false);
    opened.push(db);
    const input = await fitHighInput();
    expect(input.readOnly).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Publish & history' }));
    await screen.findByText('Read-only: only admins can change the model.', { selector: 'p.hint' });
    expect(screen.queryByTestId('publish-model')).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Calibration' })).toBeNull();
  });
});
