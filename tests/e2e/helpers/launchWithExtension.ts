import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { FixtureServer } from './fixtureServer';
import { CHROME_EXTENSION_DIR, CHROMIUM_PATH } from './paths';

export interface LaunchOptions {
  /** Serves the sites' host names from this fixture server (HTTPS on 127.0.0.1). */
  fixtures?: FixtureServer;
  /** Hosts to send to the fixture server; defaults to every host the fixtures route. */
  hosts?: readonly string[];
  /** Unpacked extension to load; defaults to a private copy of the production Chrome build. */
  extensionDir?: string;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The extension's background service worker; `evaluate` runs with `chrome.*` APIs. */
  serviceWorker: Worker;
  newPage(): Promise<Page>;
  openOptionsPage(): Promise<Page>;
  /** Everything the extension stored in `chrome.storage.local`. */
  readLocalStorage(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** The slice of `chrome.*` the harness calls inside the extension's service worker. */
interface ServiceWorkerGlobals {
  chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
}

function hostResolverRules(hosts: readonly string[], port: number): string {
  return hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
}

/** Debian's Chromium, headless, with the built extension loaded and no network beyond loopback. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'leadlens-chromium-'));
  // A private copy: a `wxt build` running meanwhile (another terminal, a watcher) rewrites the
  // output folder, and Chromium would then start a half-written extension.
  let extensionDir = options.extensionDir;
  if (!extensionDir) {
    extensionDir = join(userDataDir, 'extension');
    await cp(CHROME_EXTENSION_DIR, extensionDir, { recursive: true });
  }
  const args = [
    '--headless=new',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (options.fixtures) {
    const hosts = options.hosts ?? options.fixtures.hosts();
    if (hosts.length > 0) {
      args.push(`--host-resolver-rules=${hostResolverRules(hosts, options.fixtures.port)}`);
      args.push('--ignore-certificate-errors');
    }
  }

  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    // Headless comes from --headless=new: the old headless mode cannot run extensions.
    headless: false,
    // Playwright disables extensions by default.
    ignoreDefaultArgs: ['--disable-extensions'],
    args,
  });

  try {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      serviceWorker,
      newPage: () => context.newPage(),
      async openOptionsPage() {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/options.html`);
        return page;
      },
      readLocalStorage: () =>
        serviceWorker.evaluate(() => (globalThis as unknown as ServiceWorkerGlobals).chrome.storage.local.get(null)),
      async close() {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
