#!/usr/bin/env node
// Local demo pages: the saved-page fixtures (tests/fixtures) served at
// http://127.0.0.1:8790/demo/<site><the real path>, e.g. /demo/linkedin/in/haruka-sato-demo/.
// A development build of the extension (`wxt build --mode development`, or WXT_DEMO=true)
// treats these as the real sites (extension/lib/urlDetection.ts), so the overlay can be seen
// working without a Gmail, LinkedIn, HubSpot or Salesforce account.
//
//   node scripts/demo-server.mjs [--port 8790]      (or PORT=8790)

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures');
const HOST = '127.0.0.1';
const portArgument = process.argv.indexOf('--port');
const PORT = Number(portArgument > -1 ? process.argv[portArgument + 1] : (process.env.PORT ?? 8790));

const { pages } = JSON.parse(await readFile(join(FIXTURES_DIR, 'pages.json'), 'utf8'));

/** `/demo/<site><path><search><hash>` for a real-site URL. */
function demoPath(site, realUrl) {
  const url = new URL(realUrl);
  return `/demo/${site}${url.pathname}${url.search}${url.hash}`;
}

// Served paths (what the browser requests: no hash) → fixture; in-place navigation targets
// redirect back to their page, so reloading after clicking "next" shows a consistent page.
const files = new Map();
const redirects = new Map();
for (const page of pages) {
  files.set(`/demo/${page.site}${new URL(page.url).pathname}`, page.file);
  if (page.navigatesTo) {
    const target = `/demo/${page.site}${new URL(page.navigatesTo).pathname}`;
    if (!files.has(target)) redirects.set(target, demoPath(page.site, page.url));
  }
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function indexPage() {
  const bySite = new Map();
  for (const page of pages) bySite.set(page.site, [...(bySite.get(page.site) ?? []), page]);
  const sections = [...bySite]
    .map(
      ([site, sitePages]) =>
        `<section><h2>${escapeHtml(site)}</h2><ul>${sitePages
          .map(
            (page) =>
              `<li><a href="${escapeHtml(demoPath(page.site, page.url))}">${escapeHtml(page.label)}</a>` +
              ` <small>${escapeHtml(page.url)}</small></li>`,
          )
          .join('')}</ul></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Leadlens demo pages</title>
<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}small{color:#666}</style>
</head><body>
<h1>Leadlens demo pages</h1>
<p>Saved copies of the supported sites with the seeded demo people. Load a development build of the
extension (<code>npx wxt build --mode development</code>, then load <code>.output/chrome-mv3-dev</code> or
<code>.output/chrome-mv3</code> unpacked) and open a page: the Leadlens card appears on the person pages.
Pages with a “Fixture: open the next …” button switch to another person in place, as the real sites do.</p>
${sections}
</body></html>`;
}

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url ?? '/', `http://${HOST}`);
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, allow: 'GET, HEAD' }).end();
    return;
  }
  if (pathname === '/') {
    response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(indexPage());
    return;
  }
  const redirect = redirects.get(pathname);
  if (redirect) {
    response.writeHead(302, { ...headers, location: redirect }).end();
    return;
  }
  const file = files.get(pathname);
  if (!file) {
    response
      .writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' })
      .end(`No demo page at ${pathname}`);
    return;
  }
  try {
    const body = await readFile(join(FIXTURES_DIR, file));
    response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(body);
  } catch (error) {
    response.writeHead(500, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end(String(error));
  }
});

server.listen(PORT, HOST, () => {
  console.log(`Leadlens demo pages on http://${HOST}:${PORT}/`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
