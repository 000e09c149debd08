import { defineProject } from 'vitest/config';

// Real Chromium with the built extension. Files run one after another: each launches a
// browser and the machine has two cores.
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.test.ts'],
    globalSetup: ['./globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
