import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineProject } from 'vitest/config';
import { olistBindings } from './test/olistBindings';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** A fixed bootstrap admin secret for tests (production reads it from `wrangler secret`). */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export default defineProject(async () => {
  const migrations = await readD1Migrations(here('./migrations'));
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: here('../wrangler.toml') },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, ADMIN_TOKEN: TEST_ADMIN_TOKEN, ...(await olistBindings()) },
        },
      }),
    ],
    test: {
      name: 'worker',
      root: here('.'),
      include: ['test/**/*.test.ts'],
      setupFiles: ['./test/applyMigrations.ts'],
    },
  };
});
