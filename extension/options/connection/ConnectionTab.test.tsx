import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { LocaleProvider } from '../../i18n';
import type { ConnectionTestResult } from '../../lib/messages';
import { OptionsApiContext } from '../api';
import { FakeOptionsApi } from '../test/fakeOptionsApi';
import { ConnectionTab } from './ConnectionTab';

function renderTab(api: FakeOptionsApi) {
  return render(
    <OptionsApiContext.Provider value={api}>
      <LocaleProvider locale="en">
        <ConnectionTab />
      </LocaleProvider>
    </OptionsApiContext.Provider>,
  );
}

function fill(url: string, token: string) {
  fireEvent.change(screen.getByLabelText('API URL'), { target: { value: url } });
  fireEvent.change(screen.getByLabelText('API token'), { target: { value: token } });
}

const failed = (error: ConnectionTestResult['error'], reachable = false): ConnectionTestResult => ({
  ok: false,
  reachable,
  authorized: false,
  modelVersion: null,
  role: null,
  error,
});

async function runTest(api: FakeOptionsApi, result: ConnectionTestResult) {
  api.testResult = result;
  renderTab(api);
  fill('https://api.leadlens.test', 'tok_1');
  fireEvent.click(screen.getByTestId('test-connection'));
  const output = screen.getByTestId('connection-test-result');
  await waitFor(() => expect(output.getAttribute('data-result')).not.toMatch(/^(idle|testing)$/));
  return output;
}

describe('connection tab', () => {
  it('keeps the contract names: apiUrl and token inputs and the save button', () => {
    renderTab(new FakeOptionsApi());
    expect(document.querySelector('input[name="apiUrl"]')).toBeTruthy();
    expect(document.querySelector('input[name="token"]')).toBeTruthy();
    expect(screen.getByTestId('save-connection')).toBeTruthy();
  });

  it('saves URL and token to extension storage', async () => {
    renderTab(new FakeOptionsApi());
    fill(' https://api.leadlens.test ', ' tok_saved ');
    fireEvent.click(screen.getByTestId('save-connection'));
    await waitFor(() => expect(screen.getByTestId('connection-status').getAttribute('data-state')).toBe('saved'));
    expect(await browser.storage.local.get(['apiUrl', 'token'])).toEqual({
      apiUrl: 'https://api.leadlens.test',
      token: 'tok_saved',
    });
  });

  it('refuses to save a URL that is not http(s)', async () => {
    renderTab(new FakeOptionsApi());
    fill('leadlens', 'tok');
    fireEvent.click(screen.getByTestId('save-connection'));
    await waitFor(() => expect(screen.getByTestId('connection-status').getAttribute('data-state')).toBe('error'));
    expect(screen.getByTestId('connection-status').textContent).toMatch(/https:\/\//);
    expect(await browser.storage.local.get('apiUrl')).toEqual({});
  });

  it('shows ok with the model version and the role', async () => {
    const api = new FakeOptionsApi();
    const output = await runTest(api, {
      ok: true,
      reachable: true,
      authorized: true,
      modelVersion: 7,
      role: 'marketer',
      error: null,
    });
    expect(output.getAttribute('data-result')).toBe('ok');
    expect(output.textContent).toContain('Live model version: 7');
    expect(output.textContent).toContain('Your role: marketer');
  });

  it('says the token is bad on 401', async () => {
    const output = await runTest(
      new FakeOptionsApi(),
      failed({ kind: 'unauthorized', message: 'The token is unknown or has been revoked.', status: 401 }, true),
    );
    expect(output.getAttribute('data-result')).toBe('unauthorized');
    expect(output.textContent).toMatch(/refused the token \(401\)/);
    expect(output.textContent).toContain('revoked');
  });

  it('says the API is unreachable when the network fails', async () => {
    const output = await runTest(
      new FakeOptionsApi(),
      failed({ kind: 'retryable', message: 'The Leadlens API cannot be reached (Failed to fetch).', status: null }),
    );
    expect(output.getAttribute('data-result')).toBe('unreachable');
    expect(output.textContent).toMatch(/cannot be reached/);
  });

  it('reports other API failures as errors with their message', async () => {
    const output = await runTest(
      new FakeOptionsApi(),
      failed({ kind: 'rejected', message: 'The Leadlens API answered 418.', status: 418 }, true),
    );
    expect(output.getAttribute('data-result')).toBe('error');
    expect(output.textContent).toContain('418');
  });

  it('stores the language override, and removes it for automatic', async () => {
    renderTab(new FakeOptionsApi());
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'ja' } });
    await waitFor(async () => expect(await browser.storage.local.get('language')).toEqual({ language: 'ja' }));
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'auto' } });
    await waitFor(async () => expect(await browser.storage.local.get('language')).toEqual({}));
  });

  it('disconnects through the background and forgets the token in the form', async () => {
    const api = new FakeOptionsApi();
    renderTab(api);
    fill('https://api.leadlens.test', 'tok_1');
    fireEvent.click(screen.getByTestId('disconnect'));
    await waitFor(() => expect(api.disconnects).toBe(1));
    expect((screen.getByLabelText('API token') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('connection-status').textContent).toMatch(/cached leads are wiped/);
  });
});
