import { createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './launchWithExtension';

/**
 * What the fault proxy does to requests between the extension and the real local Worker:
 * - `pass`: forwards them;
 * - `down`: stops listening and cuts open connections (connection refused, like a dead API);
 * - `slow`: forwards each request after `delayMs`;
 * - `status`: answers every request itself with that status and a non-JSON body (a broken gateway);
 * - `garbage`: answers 200 with a truncated JSON document.
 * CORS preflights are always forwarded while listening, so only the request itself is faulty.
 */
export type FaultMode =
  | { kind: 'pass' }
  | { kind: 'down' }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'status'; status: number }
  | { kind: 'garbage' };

export interface ProxiedRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  mode: FaultMode['kind'];
  /** Status the extension got; null while held (slow) or when the extension gave up first. */
  status: number | null;
}

/** A tiny HTTP proxy in front of the local Worker for injecting network faults (not a mock: it forwards). */
export interface FaultProxy {
  /** `http://127.0.0.1:<port>`: the API URL the extension is given. */
  readonly url: string;
  readonly requests: readonly ProxiedRequest[];
  /** Faults switched on (`setMode` with anything but `pass`) since the proxy started. */
  readonly faultsInjected: number;
  setMode(mode: FaultMode): Promise<void>;
  close(): Promise<void>;
}

// Cut off mid-document, as a connection dropped by a gateway leaves it.
const GARBAGE = '{"lead":{"id":"lead_';

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const requests: ProxiedRequest[] = [];
  let mode: FaultMode = { kind: 'pass' };
  let faultsInjected = 0;

  const corsHeaders = (req: IncomingMessage): Record<string, string> => ({
    'access-control-allow-origin': req.headers.origin ?? '*',
    'access-control-expose-headers': 'etag, retry-after',
  });

  function pass(req: IncomingMessage, res: ServerResponse, record: ProxiedRequest | null) {
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        if (record) record.status = answer.statusCode ?? null;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method === 'OPTIONS') return pass(req, res, null);
    const header = req.headers['idempotency-key'];
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      idempotencyKey: typeof header === 'string' ? header : null,
      mode: mode.kind,
      status: null,
    };
    requests.push(record);
    switch (mode.kind) {
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed && !res.writableEnded) pass(req, res, record);
        }, mode.delayMs);
        timers.add(timer);
        return;
      }
      case 'status':
        record.status = mode.status;
        res.writeHead(mode.status, { 'content-type': 'text/html', ...corsHeaders(req) });
        res.end(`<html><body><h1>${mode.status}</h1>upstream connect error</body></html>`);
        return;
      case 'garbage':
        record.status = 200;
        res.writeHead(200, { 'content-type': 'application/json', ...corsHeaders(req) });
        res.end(GARBAGE);
        return;
      default:
        pass(req, res, record);
    }
  }

  let server: Server = createServer(handle);
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  server.on('connection', track);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  async function stopListening() {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async function listen() {
    server = createServer(handle);
    server.on('connection', track);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
  }

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get faultsInjected() {
      return faultsInjected;
    },
    async setMode(next) {
      const wasDown = mode.kind === 'down';
      mode = next;
      if (next.kind !== 'pass') faultsInjected++;
      if (next.kind === 'down' && !wasDown) {
        await stopListening();
      } else if (next.kind !== 'down' && wasDown) {
        await listen();
      }
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      if (mode.kind !== 'down') await stopListening();
    },
  };
}

/** Saves an API URL and token in the options page, as a user does (also after a token was revoked). */
export async function saveConnection(browser: ExtensionBrowser, apiUrl: string, token: string): Promise<void> {
  const page = await browser.openOptionsPage();
  try {
    await page.locator('input[name="apiUrl"]').fill(apiUrl);
    await page.locator('input[name="token"]').fill(token);
    await page.locator('[data-testid="save-connection"]').click();
    await page.locator('[data-testid="connection-status"][data-state="saved"]').waitFor();
  } finally {
    await page.close();
  }
}

/** An outbox row as the background stored it in IndexedDB (see extension/background/db.ts). */
export interface StoredOutboxRow {
  id: string;
  state: 'pending' | 'failed';
  attempts: number;
  leaseUntil: number;
  nextAttemptAt: number;
  action: { kind: string; leadId: string };
}

/**
 * Reads or changes the extension's IndexedDB from one of its own pages (same origin as the
 * background), without messaging — and so without waking — the service worker.
 */
export class ExtensionStore {
  private constructor(private readonly page: Page) {}

  static async open(browser: ExtensionBrowser): Promise<ExtensionStore> {
    const page = await browser.newPage();
    // A file, not a page: nothing on it messages (and so wakes) the service worker.
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    return new ExtensionStore(page);
  }

  outbox(): Promise<StoredOutboxRow[]> {
    return this.page.evaluate(
      () =>
        new Promise<StoredOutboxRow[]>((resolve, reject) => {
          const open = indexedDB.open('leadlens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const all = db.transaction('outbox').objectStore('outbox').getAll();
            all.onsuccess = () => {
              resolve(all.result as StoredOutboxRow[]);
              db.close();
            };
            all.onerror = () => reject(all.error);
          };
        }),
    );
  }

  /** Moves every cached lookup `ms` into the past, as if it had been fetched that long ago. */
  ageCachedLookups(ms: number): Promise<number> {
    return this.page.evaluate(
      (by) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('leadlens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('leads', 'readwrite');
            let count = 0;
            const cursor = tx.objectStore('leads').openCursor();
            cursor.onsuccess = () => {
              const current = cursor.result;
              if (!current) return;
              current.update({ ...current.value, fetchedAt: current.value.fetchedAt - by });
              count++;
              current.continue();
            };
            tx.oncomplete = () => {
              db.close();
              resolve(count);
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      ms,
    );
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/**
 * The extension's background service worker as DevTools sees it (CDP `ServiceWorker` domain on
 * one of the extension's pages): lets a test stop it the way Chrome does when it goes idle.
 */
export class ServiceWorkerControl {
  private readonly versions = new Map<string, WorkerVersion>();
  /** Every running status the extension's worker went through, in order (restarts included). */
  readonly history: WorkerVersion['runningStatus'][] = [];

  private constructor(
    private readonly session: CDPSession,
    private readonly page: Page,
    private readonly scriptPrefix: string,
  ) {
    session.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
      for (const version of event.versions) {
        if (!version.scriptURL.startsWith(this.scriptPrefix)) continue;
        if (this.versions.get(version.versionId)?.runningStatus !== version.runningStatus) {
          this.history.push(version.runningStatus);
        }
        this.versions.set(version.versionId, version);
      }
    });
  }

  static async attach(browser: ExtensionBrowser): Promise<ServiceWorkerControl> {
    const page = await browser.newPage();
    // A file, not a page: nothing on it messages (and so wakes) the service worker.
    await page.goto(`chrome-extension://${browser.extensionId}/manifest.json`);
    const session = await browser.context.newCDPSession(page);
    const control = new ServiceWorkerControl(session, page, `chrome-extension://${browser.extensionId}/`);
    await session.send('ServiceWorker.enable');
    return control;
  }

  /** The running status of the extension's newest worker version, or null before DevTools reported it. */
  status(): WorkerVersion['runningStatus'] | null {
    return [...this.versions.values()].at(-1)?.runningStatus ?? null;
  }

  /** Stops every service worker of the profile (only the extension's runs in these tests). */
  async stopAll(): Promise<void> {
    await this.session.send('ServiceWorker.stopAllWorkers');
  }

  async close(): Promise<void> {
    await this.session.detach().catch(() => undefined);
    await this.page.close();
  }
}
