import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './helpers/launchWithExtension';
import { startWorker, type TestWorker } from './helpers/worker';

async function fillConnection(page: Page, apiUrl: string, token: string): Promise<void> {
  await page.locator('input[name="apiUrl"]').fill(apiUrl);
  await page.locator('input[name="token"]').fill(token);
}

async function testConnection(page: Page): Promise<string | null> {
  const result = page.locator('[data-testid="connection-test-result"]');
  await page.locator('[data-testid="test-connection"]').click();
  await expect.poll(() => result.getAttribute('data-result'), { timeout: 20_000 }).not.toMatch(/^(idle|testing)$/);
  return result.getAttribute('data-result');
}

describe('options page: connection test and role-aware tabs against the real API', () => {
  let worker: TestWorker;
  let browser: ExtensionBrowser;
  let repToken: string;

  beforeAll(async () => {
    worker = await startWorker();
    repToken = (await worker.api<{ token: string }>('POST', '/v1/tokens', { name: 'Rita', role: 'rep' })).body.token;
    browser = await launchWithExtension();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it('tells a bad token from an unreachable API, and reports version and role when all is well', async () => {
    const page = await browser.openOptionsPage();

    await fillConnection(page, worker.url, 'not-a-real-token');
    expect(await testConnection(page)).toBe('unauthorized');

    // Nothing listens on port 9 of loopback.
    await fillConnection(page, 'http://127.0.0.1:9', worker.adminToken);
    expect(await testConnection(page)).toBe('unreachable');

    await fillConnection(page, worker.url, worker.adminToken);
    expect(await testConnection(page)).toBe('ok');
    const text = await page.locator('[data-testid="connection-test-result"]').textContent();
    expect(text).toContain('Live model version: 0');
    expect(text).toContain('Your role: admin');
    await page.close();
  });

  it('gives a rep the funnel and a read-only model, without the tokens tab', async () => {
    const page = await browser.openOptionsPage();
    await fillConnection(page, worker.url, repToken);
    await page.locator('[data-testid="save-connection"]').click();
    await page.locator('[data-testid="options-connection-state"][data-role="rep"]').waitFor({ timeout: 20_000 });

    const tabs = page.locator('[role="tablist"]').first().getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['Connection', 'Model', 'Funnel']);

    await page.getByRole('tab', { name: 'Model', exact: true }).click();
    const threshold = page.getByLabel('Fit "high" threshold', { exact: true });
    await threshold.waitFor();
    expect(await threshold.getAttribute('readonly')).not.toBeNull();
    expect(await page.getByRole('tab', { name: 'Calibration', exact: true }).count()).toBe(0);

    await page.getByRole('tab', { name: 'Funnel', exact: true }).click();
    await page.locator('[data-testid="funnel-dashboard"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid="funnel-dashboard"] [data-bar="mql"]').count()).toBe(1);
    await page.close();
  });

  it('lets an admin create a token that is shown once and works at once, then revoke it', async () => {
    const page = await browser.openOptionsPage();
    await fillConnection(page, worker.url, worker.adminToken);
    await page.locator('[data-testid="save-connection"]').click();
    await page.locator('[data-testid="options-connection-state"][data-role="admin"]').waitFor({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Tokens', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill('Marketing Mia');
    await page.getByLabel('Role', { exact: true }).selectOption('marketer');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByLabel('Token', { exact: true }).inputValue();
    expect(secret).toMatch(/^ll_/);

    const asMia = await fetch(`${worker.url}/v1/model`, { headers: { authorization: `Bearer ${secret}` } });
    expect(asMia.status).toBe(200);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Revoke Marketing Mia' }).click();
    await expect
      .poll(
        async () => (await fetch(`${worker.url}/v1/model`, { headers: { authorization: `Bearer ${secret}` } })).status,
      )
      .toBe(401);
    await page.close();
  });
});
