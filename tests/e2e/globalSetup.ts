import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROME_EXTENSION_DIR, CHROMIUM_PATH, REPO_ROOT } from './helpers/paths';

// `npm test` builds the extension once before vitest and sets LEADLENS_EXTENSION_BUILT=1;
// running the e2e project on its own (`npx vitest run --project e2e`) builds it here,
// so tests never run against a stale .output.
export default function setup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: run \`node scripts/ensure-chromium.mjs\`.`);
  }
  if (process.env.LEADLENS_EXTENSION_BUILT === '1' && existsSync(join(CHROME_EXTENSION_DIR, 'manifest.json'))) {
    return;
  }
  // Vitest sets NODE_ENV=test; inherited by the build it would compile JSX for React's dev
  // runtime while bundling the production one ("jsxDEV is not a function" in the page).
  const { NODE_ENV: _vitestNodeEnv, ...buildEnv } = process.env;
  execFileSync(join(REPO_ROOT, 'node_modules/.bin/wxt'), ['build', '-b', 'chrome'], {
    cwd: REPO_ROOT,
    env: buildEnv,
    stdio: 'inherit',
  });
}
