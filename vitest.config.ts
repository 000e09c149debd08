import { defineConfig } from 'vitest/config';

// One project per area; run one with `npx vitest run --project <name>`.
export default defineConfig({
  test: {
    projects: [
      'shared/vitest.config.ts',
      'worker/vitest.config.ts',
      'extension/vitest.config.ts',
      'scripts/vitest.config.ts',
      'tests/e2e/vitest.config.ts',
    ],
  },
});
