import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectAsAdmin as connect, publish, setThreshold } from './helpers/adminConsole';
import { type ExtensionBrowser, launchWithExtension } from './helpers/launchWithExtension';
import { startWorker, type TestWorker } from './helpers/worker';

interface LiveModel {
  version: number;
  note: string;
  publishedBy: string | null;
  model: { quadrants: { fitHigh: number; interestHigh: number } };
}

describe('admin publishes the model from the options page', () => {
  let worker: TestWorker;
  let first: ExtensionBrowser;
  let second: ExtensionBrowser;
  let secondToken: string;

  beforeAll(async () => {
    worker = await startWorker();
    const created = await worker.api<{ token: string }>('POST', '/v1/tokens', { name: 'second admin', role: 'admin' });
    secondToken = created.body.token;
    first = await launchWithExtension();
    second = await launchWithExtension();
  }, 180_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await worker?.stop();
  });

  it('edits a threshold, publishes with a note, and the API serves the new version', async () => {
    const page = await connect(first, worker, worker.adminToken);
    await setThreshold(page, 'Fit "high" threshold', '66');
    await publish(page, 'Raise the fit bar');
    await page.locator('[data-testid="publish-result"][data-result="ok"]').waitFor({ timeout: 20_000 });

    const live = await worker.api<LiveModel>('GET', '/v1/model');
    expect(live.status).toBe(200);
    expect(live.body).toMatchObject({ version: 1, note: 'Raise the fit bar', publishedBy: 'bootstrap-admin' });
    expect(live.body.model.quadrants.fitHigh).toBe(66);
    await expect.poll(() => page.locator('[data-testid="version-history"] tr[data-version="1"]').count()).toBe(1);
  });

  it("shows a second admin's stale publish as a conflict, and publishes after a rebase", async () => {
    // The second admin opens the editor on version 1 and starts editing.
    const stale = await connect(second, worker, secondToken);
    await setThreshold(stale, 'Interest "high" threshold', '72');

    // Meanwhile the first admin publishes version 2.
    const page = await first.openOptionsPage();
    await setThreshold(page, 'Fit "high" threshold', '61');
    await publish(page, 'Lower the fit bar again');
    await page.locator('[data-testid="publish-result"][data-result="ok"]').waitFor({ timeout: 20_000 });
    expect((await worker.api<LiveModel>('GET', '/v1/model')).body.version).toBe(2);

    await publish(stale, 'Stricter interest');
    const conflict = stale.locator('[data-testid="publish-conflict"]');
    await conflict.waitFor({ timeout: 20_000 });
    const theirs = conflict.locator('[data-testid="conflict-their-changes"]');
    // Before and after of the other admin's change, next to its path.
    await expect
      .poll(() => theirs.locator('tr', { hasText: 'quadrants.fitHigh' }).locator('td').allTextContents())
      .toEqual(['66', '61']);
    expect(await conflict.locator('[data-testid="conflict-your-changes"]').textContent()).toContain(
      'quadrants.interestHigh',
    );
    // Nothing was overwritten.
    expect((await worker.api<LiveModel>('GET', '/v1/model')).body.version).toBe(2);

    await stale.locator('[data-testid="rebase-draft"]').click();
    await stale.locator('[data-testid="publish-model"]:not([disabled])').click();
    await stale.locator('[data-testid="publish-result"][data-result="ok"]').waitFor({ timeout: 20_000 });
    const live = await worker.api<LiveModel>('GET', '/v1/model');
    expect(live.body).toMatchObject({ version: 3, note: 'Stricter interest', publishedBy: 'second admin' });
    expect(live.body.model.quadrants).toMatchObject({ fitHigh: 61, interestHigh: 72 });
  });
});
