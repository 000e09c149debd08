import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

const WRANGLER = join(REPO_ROOT, 'node_modules/.bin/wrangler');
const STARTUP_TIMEOUT_MS = 90_000;

export interface ApiAnswer<T = unknown> {
  status: number;
  body: T;
}

/** A local Worker (`wrangler dev`, local D1 in a temp dir) the extension under test talks to. */
export interface TestWorker {
  /** `http://127.0.0.1:<port>`: what the options page is given as the API URL. */
  readonly url: string;
  /** The bootstrap admin token (the Worker's ADMIN_TOKEN). */
  readonly adminToken: string;
  /** Calls the API as the admin; JSON in, JSON out. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const WRANGLER_ENV = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' };

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`wrangler dev did not answer /healthz within ${STARTUP_TIMEOUT_MS} ms:\n${output()}`);
}

/**
 * Starts the Worker the way `npm start` does, but isolated: migrations applied to a fresh local
 * D1 under a temp dir (`--persist-to`), a free port, and a random ADMIN_TOKEN given with `--var`
 * (so a developer's .dev.vars is never read or written).
 */
export async function startWorker(): Promise<TestWorker> {
  const persistTo = await mkdtemp(join(tmpdir(), 'leadlens-d1-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const adminToken = `e2e_admin_${randomBytes(16).toString('hex')}`;

  const migrate = spawnSync(WRANGLER, ['d1', 'migrations', 'apply', 'leadlens', '--local', '--persist-to', persistTo], {
    cwd: REPO_ROOT,
    env: WRANGLER_ENV,
    encoding: 'utf8',
  });
  if (migrate.status !== 0) {
    await rm(persistTo, { recursive: true, force: true });
    throw new Error(`wrangler d1 migrations apply failed:\n${migrate.stdout}\n${migrate.stderr}`);
  }

  let log = '';
  const child = spawn(
    WRANGLER,
    [
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persistTo,
      '--var',
      `ADMIN_TOKEN:${adminToken}`,
      '--show-interactive-dev-session=false',
      '--inspector-port',
      String(await freePort()),
    ],
    // Own process group: stopping it takes workerd down too.
    { cwd: REPO_ROOT, env: WRANGLER_ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  async function stop() {
    if (child.exitCode === null && child.pid !== undefined) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
    }
    await rm(persistTo, { recursive: true, force: true });
  }

  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    adminToken,
    async api<T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
    },
    stop,
  };
}
