import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { FIXTURES_DIR } from './paths';
import { createSelfSignedCertificate } from './tlsCertificate';

/** Page URL on the real site (e.g. `https://www.linkedin.com/in/demo-person/`) → file under tests/fixtures. */
export type FixtureRoutes = Record<string, string>;

export interface FixtureServer {
  /** Port on 127.0.0.1 that Chromium's host-resolver rules send the mapped hosts to. */
  readonly port: number;
  /** Hosts named by the routes; pass them to `launchWithExtension`. */
  hosts(): string[];
  /** Serves another fixture, e.g. the page a single-page app navigates to. */
  route(pageUrl: string, fixtureFile: string): void;
  /** Paths requested so far as `host/path`, for tests that care what the page loaded. */
  readonly requests: readonly string[];
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

function routeKey(host: string, pathname: string): string {
  return `${host.toLowerCase()}${pathname}`;
}

function fixturePath(fixtureFile: string): string {
  const resolved = normalize(join(FIXTURES_DIR, fixtureFile));
  if (!resolved.startsWith(FIXTURES_DIR)) throw new Error(`fixture outside tests/fixtures: ${fixtureFile}`);
  return resolved;
}

/**
 * An HTTPS server on 127.0.0.1 that answers for the real sites' host names, so the built
 * extension's production match patterns run unchanged against saved pages.
 */
export async function startFixtureServer(routes: FixtureRoutes = {}): Promise<FixtureServer> {
  const table = new Map<string, string>();
  const hostSet = new Set<string>();
  const requests: string[] = [];

  function route(pageUrl: string, fixtureFile: string) {
    const url = new URL(pageUrl);
    if (url.protocol !== 'https:') throw new Error(`fixture routes are served over HTTPS: ${pageUrl}`);
    table.set(routeKey(url.hostname, url.pathname), fixturePath(fixtureFile));
    hostSet.add(url.hostname.toLowerCase());
  }
  for (const [pageUrl, fixtureFile] of Object.entries(routes)) route(pageUrl, fixtureFile);

  const { key, cert } = createSelfSignedCertificate([...hostSet]);
  const server = createServer({ key, cert }, async (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const { pathname } = new URL(request.url ?? '/', `https://${host}`);
    requests.push(`${host}${pathname}`);
    const file = table.get(routeKey(host, pathname));
    if (!file && pathname === '/favicon.ico') {
      // Browsers ask every site for one; an empty answer keeps 404 noise out of page consoles.
      response.writeHead(204).end();
      return;
    }
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`no fixture routed for https://${host}${pathname}`);
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      response.end(body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`cannot read fixture ${file}: ${(error as Error).message}`);
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    port,
    hosts: () => [...hostSet],
    route,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
