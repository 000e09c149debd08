import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url));
/** Production Chrome build, produced by `wxt build` (npm test / the e2e global setup). */
export const CHROME_EXTENSION_DIR = fileURLToPath(new URL('../../../.output/chrome-mv3/', import.meta.url));
export const CHROMIUM_PATH = process.env.LEADLENS_CHROMIUM ?? '/usr/bin/chromium';
