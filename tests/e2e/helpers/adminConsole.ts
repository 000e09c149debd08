import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './launchWithExtension';
import type { TestWorker } from './worker';

/** Opens the options page, connects it with `token`, and waits until the role-aware tabs appear. */
export async function connectAsAdmin(browser: ExtensionBrowser, worker: TestWorker, token: string): Promise<Page> {
  const page = await browser.openOptionsPage();
  await page.locator('input[name="apiUrl"]').fill(worker.url);
  await page.locator('input[name="token"]').fill(token);
  await page.locator('[data-testid="save-connection"]').click();
  await page.locator('[data-testid="connection-status"][data-state="saved"]').waitFor();
  await waitForAdminConsole(page);
  return page;
}

/** Waits until an options page whose connection is already saved knows it speaks to an admin. */
export async function waitForAdminConsole(page: Page): Promise<void> {
  await page.locator('[data-testid="options-connection-state"][data-role="admin"]').waitFor({ timeout: 20_000 });
}

export async function openModelSection(page: Page, section: string): Promise<void> {
  await page.getByRole('tab', { name: 'Model', exact: true }).click();
  await page.getByRole('tab', { name: section, exact: true }).click();
}

/** Types a threshold in the Scoring section and waits for the draft to be dirty and valid. */
export async function setThreshold(page: Page, label: string, value: string): Promise<void> {
  await openModelSection(page, 'Scoring');
  await page.getByLabel(label, { exact: true }).fill(value);
  await page.locator('[data-testid="model-status"][data-dirty="true"][data-valid="true"]').waitFor();
}

export async function publish(page: Page, note: string): Promise<void> {
  await page.getByRole('tab', { name: 'Publish & history', exact: true }).click();
  await page.getByLabel('Note for this version (what and why)').fill(note);
  await page.locator('[data-testid="publish-model"]').click();
}

/** Publishes and waits for the editor to confirm it. */
export async function publishAndWait(page: Page, note: string): Promise<void> {
  await publish(page, note);
  await page.locator('[data-testid="publish-result"][data-result="ok"]').waitFor({ timeout: 20_000 });
}

/** Clicks "Roll back to version N" in the History panel and accepts the confirmation. */
export async function rollBackTo(page: Page, version: number): Promise<void> {
  await openModelSection(page, 'Publish & history');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: `Roll back to version ${version}`, exact: true }).click();
}
