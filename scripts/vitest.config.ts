import { defineProject } from 'vitest/config';

// Command-line scripts run as a newcomer would run them (child processes, real data files).
export default defineProject({
  test: { name: 'scripts', environment: 'node', include: ['**/*.test.ts'], testTimeout: 60_000 },
});
