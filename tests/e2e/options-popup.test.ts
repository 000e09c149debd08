import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './helpers/launchWithExtension';
import { startWorker, type TestWorker } from './helpers/worker';

describe('popup against the real API', () => {
  let worker: TestWorker;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    worker = await startWorker();
    const upsert = await worker.api('PUT', '/v1/leads', [
      {
        email: 'k.sato@bank.example.jp',
        name: 'Kenji Sato',
        title: 'CIO',
        company: 'Example Bank',
        industry: 'financial_services',
        employees: 8000,
        country: 'JP',
        lifecycleStage: 'mql',
      },
    ]);
    expect(upsert.status).toBeLessThan(300);
    browser = await launchWithExtension();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it('shows the connection and model version, and looks a lead up by email', async () => {
    const options = await browser.openOptionsPage();
    await options.locator('input[name="apiUrl"]').fill(worker.url);
    await options.locator('input[name="token"]').fill(worker.adminToken);
    await options.locator('[data-testid="save-connection"]').click();
    await options
      .locator('[data-testid="options-connection-state"][data-state="connected"]')
      .waitFor({ timeout: 20_000 });

    const popup = await browser.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.locator('[data-testid="popup-connection"][data-state="connected"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => popup.locator('[data-testid="popup-model-version"]').textContent()).toBe('Model version 0');
    expect(await popup.locator('[data-testid="popup-outbox"]').getAttribute('data-pending')).toBe('0');

    await popup.getByLabel('Look up a lead by email').fill('K.Sato@bank.example.jp');
    await popup.getByRole('button', { name: 'Look up' }).click();
    const card = popup.locator('[data-testid="popup-lookup"] dl');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getAttribute('data-stage')).toBe('mql');
    expect(await card.getAttribute('data-persona')).toBe('it_leader');
    expect(['hot', 'nurture', 'explore', 'disqualify']).toContain(await card.getAttribute('data-quadrant'));
    expect(Number(await card.getAttribute('data-score'))).toBeGreaterThan(0);
  });
});
