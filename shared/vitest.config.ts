import { defineProject } from 'vitest/config';

// The project's root is this folder, so the pattern is relative to shared/.
export default defineProject({
  test: { name: 'shared', environment: 'node', include: ['**/*.test.ts'] },
});
