import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './helpers/launchWithExtension';

describe('options page connection settings', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('has the apiUrl and token inputs and the save button of the contract', async () => {
    const page = await browser.openOptionsPage();
    await expect.poll(() => page.locator('input[name="apiUrl"]').count()).toBe(1);
    expect(await page.locator('input[name="token"]').count()).toBe(1);
    expect(await page.locator('[data-testid="save-connection"]').count()).toBe(1);
    await page.close();
  });

  it('saves the connection to extension storage and shows it again after a reload', async () => {
    const page = await browser.openOptionsPage();
    await page.locator('input[name="apiUrl"]').fill('https://leadlens.example.com');
    await page.locator('input[name="token"]').fill('tok_e2e_secret');
    await page.locator('[data-testid="save-connection"]').click();
    await page.locator('[data-testid="connection-status"][data-state="saved"]').waitFor();

    expect(await browser.readLocalStorage()).toMatchObject({
      apiUrl: 'https://leadlens.example.com',
      token: 'tok_e2e_secret',
    });

    await page.reload();
    await expect.poll(() => page.locator('input[name="apiUrl"]').inputValue()).toBe('https://leadlens.example.com');
    expect(await page.locator('input[name="token"]').inputValue()).toBe('tok_e2e_secret');
    await page.close();
  });
});
