/**
 * `tsx tests/bench/overlayProfile.ts [url]`: where the content script's main-thread time goes on
 * one page load, from a V8 CPU profile of the page's renderer (content scripts run in the same
 * isolate as the page, in another world, so the profiler sees them). Prints self time by
 * function for `chrome-extension://` frames and the engine's own buckets (compile, GC).
 * A diagnostic, not a benchmark: no backend, no card data; use it on pages with no person
 * (the LinkedIn feed by default) or to see what mounting the card costs. PROFILE_LOADS page loads
 * (default 5); PROFILE_EXTENSION_DIR profiles another unpacked build instead of .output/chrome-mv3.
 */

import { startFixtureServer } from '../e2e/helpers/fixtureServer';
import { launchWithExtension } from '../e2e/helpers/launchWithExtension';

const URL_TO_LOAD = process.argv[2] ?? 'https://www.linkedin.com/feed/';
const LOADS = Number(process.env.PROFILE_LOADS ?? 5);
/** Another unpacked build to profile (e.g. a copy of an older one, for an A/B on the same machine load). */
const EXTENSION_DIR = process.env.PROFILE_EXTENSION_DIR;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

async function main() {
  const fixtures = await startFixtureServer({
    'https://www.linkedin.com/feed/': 'linkedin/feed.html',
    'https://www.linkedin.com/in/haruka-sato-demo/': 'linkedin/profile.html',
  });
  const browser = await launchWithExtension(EXTENSION_DIR ? { fixtures, extensionDir: EXTENSION_DIR } : { fixtures });
  const self = new Map<string, number>();
  let extensionTotal = 0;
  try {
    for (let i = 0; i < LOADS; i++) {
      const page = await browser.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      await page.goto(URL_TO_LOAD, { waitUntil: 'load' });
      await page.waitForTimeout(1_000);
      const { profile } = (await cdp.send('Profiler.stop')) as {
        profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
      };
      const byId = new Map(profile.nodes.map((node) => [node.id, node]));
      const parent = new Map<number, number>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      // A sample is the extension's when any frame on its stack is extension code.
      const inExtension = (id: number): boolean => {
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          if (byId.get(at)?.callFrame.url.startsWith('chrome-extension://')) return true;
        }
        return false;
      };
      profile.samples.forEach((id, index) => {
        const node = byId.get(id);
        const delta = (profile.timeDeltas[index] ?? 0) / 1000;
        if (!node || !inExtension(id)) return;
        extensionTotal += delta;
        const frame = node.callFrame;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + delta);
      });
      await page.close();
    }
  } finally {
    await browser.close();
    await fixtures.close();
  }
  console.log(`${URL_TO_LOAD}: extension samples ${(extensionTotal / LOADS).toFixed(1)} ms per load (${LOADS} loads)`);
  for (const [key, value] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${(value / LOADS).toFixed(1).padStart(8)} ms  ${key}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
