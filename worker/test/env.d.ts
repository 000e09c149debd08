// Types for the modules the Workers test pool provides inside workerd. Declared here
// (narrowly) because the project typechecks worker, extension and shared in one program,
// where the global @cloudflare/workers-types would clash with the DOM lib.
declare module 'cloudflare:test' {
  import type { D1Database } from '@cloudflare/workers-types/2023-07-01';

  interface D1Migration {
    name: string;
    queries: string[];
  }
  export const env: {
    DB: D1Database;
    ADMIN_TOKEN: string;
    TEST_MIGRATIONS: D1Migration[];
    [binding: string]: unknown;
  };
  export const SELF: { fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> };
  export function applyD1Migrations(db: D1Database, migrations: D1Migration[], tableName?: string): Promise<void>;
}
