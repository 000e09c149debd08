import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOT, DEMO_NURTURE } from '../../scripts/seed/demoLeads';
import { seedDemoData } from '../../scripts/seed/seedDemoData';
import { type ExtensionBrowser, launchWithExtension } from './helpers/launchWithExtension';
import { type CardAttributes, connectExtension, expectCardToShow, navigateInPlace } from './helpers/leadlensSite';
import { REPO_ROOT } from './helpers/paths';
import { startWorker, type TestWorker } from './helpers/worker';

// What `npm start` gives a newcomer: the development build, the seeded demo data and the demo
// pages on http://127.0.0.1:8790 (the origin the development build treats as the five sites).
const DEMO_ORIGIN = 'http://127.0.0.1:8790';
const DEV_BUILD_DIR = join(REPO_ROOT, '.output', 'chrome-mv3-dev');

interface LookupAnswer {
  score: {
    quadrant: string;
    score: number;
    fit: number;
    interest: number;
    stage: string;
    personas: { id: string }[];
    modelVersion: number;
  };
}

async function waitForDemoServer(child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the demo server exited with ${child.exitCode} (is port 8790 taken?)`);
    try {
      if ((await fetch(`${DEMO_ORIGIN}/`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the demo server did not answer on ${DEMO_ORIGIN}`);
}

describe('npm start demo: development build on the local demo pages', () => {
  let worker: TestWorker;
  let demoServer: ChildProcess;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    const build = spawnSync(
      join(REPO_ROOT, 'node_modules/.bin/wxt'),
      ['build', '-b', 'chrome', '--mode', 'development'],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`development build failed:\n${build.stdout}\n${build.stderr}`);
    worker = await startWorker();
    await seedDemoData(worker.url, worker.adminToken);
    demoServer = spawn(process.execPath, [join(REPO_ROOT, 'scripts/demo-server.mjs'), '--port', '8790'], {
      cwd: REPO_ROOT,
      stdio: 'ignore',
    });
    await waitForDemoServer(demoServer);
    browser = await launchWithExtension({ extensionDir: DEV_BUILD_DIR });
    await connectExtension(browser, worker);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    demoServer?.kill();
    await worker?.stop();
  });

  async function expected(linkedinUrl: string): Promise<CardAttributes> {
    const answer = await worker.api<LookupAnswer>(
      'GET',
      `/v1/leads/lookup?linkedin=${encodeURIComponent(linkedinUrl)}`,
    );
    expect(answer.status).toBe(200);
    const { score } = answer.body;
    return {
      quadrant: score.quadrant,
      score: String(score.score),
      fit: String(score.fit),
      interest: String(score.interest),
      stage: score.stage,
      persona: score.personas[0]?.id ?? null,
      modelVersion: String(score.modelVersion),
    };
  }

  it('lists the demo pages and shows each seeded demo person in the quadrant the seed designed', async () => {
    const index = await (await fetch(`${DEMO_ORIGIN}/`)).text();
    expect(index).toContain('/demo/linkedin/in/haruka-sato-demo/');

    const page = await browser.newPage();
    try {
      await page.goto(`${DEMO_ORIGIN}/demo/linkedin/in/haruka-sato-demo/`);
      const hot = await expected(DEMO_HOT.linkedinUrl);
      expect(hot.quadrant).toBe(DEMO_HOT.expectedQuadrant);
      await expectCardToShow(page, hot);

      // The profile's "next" button navigates in place, as LinkedIn's SPA does.
      await navigateInPlace(page);
      const nurture = await expected(DEMO_NURTURE.linkedinUrl);
      expect(nurture.quadrant).toBe(DEMO_NURTURE.expectedQuadrant);
      await expectCardToShow(page, nurture);
    } finally {
      await page.close();
    }
  });
});
