import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

// Extension units in happy-dom: WXT's fake `browser` (storage etc.) and an in-memory IndexedDB for Dexie.
export default defineProject({
  plugins: [WxtVitest({ root: REPO_ROOT })],
  test: {
    name: 'extension',
    environment: 'happy-dom',
    include: ['**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', './test/setup.ts'],
  },
});
