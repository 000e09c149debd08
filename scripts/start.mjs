#!/usr/bin/env node
// `npm start`: the whole product on this machine.
//  1. applies the D1 migrations to the local database (.wrangler/state)
//  2. writes a random ADMIN_TOKEN into .dev.vars if there is none, and prints it
//  3. runs `wrangler dev` on 127.0.0.1:8787 and waits for /healthz
//  4. seeds once: publishes the built-in default model as version 1 if nothing is published,
//     then runs scripts/seed/seedDemoData.ts (if present) once per local database
//  5. builds the extension (if present) and serves the demo pages (scripts/demo-server.mjs, if present)
//  6. prints what to open, and stays in the foreground until Ctrl-C, stopping its children.
//
// Options: --port N (or PORT), --skip-extension (or LEADLENS_SKIP_EXTENSION=1),
//          --persist-to DIR (local D1 state; default .wrangler/state).
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(argValue('--port') ?? process.env.PORT ?? 8787);
const host = '127.0.0.1';
const apiUrl = `http://${host}:${port}`;
const skipExtension = args.includes('--skip-extension') || process.env.LEADLENS_SKIP_EXTENSION === '1';
const wranglerBin = join(root, 'node_modules', '.bin', 'wrangler');
const persistTo = argValue('--persist-to') ? resolve(argValue('--persist-to')) : undefined;
const persistArgs = persistTo ? ['--persist-to', persistTo] : [];
const seededMarker = join(persistTo ?? join(root, '.wrangler', 'state'), 'leadlens-demo-seeded');

const children = new Set();
let stopping = false;

const log = (message) => console.log(`\x1b[36m[leadlens]\x1b[0m ${message}`);
const fail = (message) => {
  console.error(`\x1b[31m[leadlens]\x1b[0m ${message}`);
  stop(1);
};

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    try {
      // Children run in their own process group so wrangler's workerd goes too.
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  setTimeout(() => process.exit(code), children.size ? 1500 : 0).unref();
  if (!children.size) process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

/** Runs a command to completion in the foreground; throws on failure. */
function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status}`);
}

/** Starts a long-running child whose output is prefixed, and remembers it for clean-up. */
function startChild(label, command, commandArgs, env = {}) {
  const child = spawn(command, commandArgs, {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.add(child);
  const prefix = (stream, target) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      // console.log/error rather than stream.write: line-buffered and prefixed.
      for (const line of lines) target(`\x1b[2m[${label}]\x1b[0m ${line}`);
    });
  };
  prefix(child.stdout, console.log);
  prefix(child.stderr, console.error);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) fail(`${label} stopped unexpectedly (${signal ?? `exit ${code}`}).`);
  });
  return child;
}

/** Reads ADMIN_TOKEN from .dev.vars, creating one if missing. */
function ensureAdminToken() {
  const path = join(root, '.dev.vars');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const match = existing.match(/^ADMIN_TOKEN\s*=\s*"?([^"\n]+)"?\s*$/m);
  if (match?.[1]) return { token: match[1], created: false };
  const token = `ll_admin_${randomBytes(24).toString('base64url')}`;
  const separator = existing && !existing.endsWith('\n') ? '\n' : '';
  writeFileSync(path, `${existing}${separator}ADMIN_TOKEN="${token}"\n`, { mode: 0o600 });
  return { token, created: true };
}

async function waitForHealth(timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const res = await fetch(`${apiUrl}/healthz`);
      if (res.ok) return res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Worker did not answer ${apiUrl}/healthz within ${timeoutMs / 1000} s`);
}

async function api(method, path, token, body) {
  const res = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
  return { res, body: text ? JSON.parse(text) : null };
}

/** Version 0 is the built-in default served before anything is published: publish it as version 1. */
async function seedModel(token) {
  const { body } = await api('GET', '/v1/model', token);
  if (body.version > 0) {
    log(`model version ${body.version} is published already`);
    return;
  }
  const published = await api('POST', '/v1/model/versions', token, {
    model: body.model,
    note: 'Default model, published by npm start',
  });
  log(`published the default model as version ${published.body.version}`);
}

async function seedDemoData(token) {
  const seedModule = join(root, 'scripts', 'seed', 'seedDemoData.ts');
  if (!existsSync(seedModule)) {
    log('no scripts/seed/seedDemoData.ts yet: skipping demo leads');
    return;
  }
  if (existsSync(seededMarker)) {
    log(`demo data was seeded before (delete ${dirname(seededMarker)} to start over)`);
    return;
  }
  const { tsImport } = await import('tsx/esm/api');
  const mod = await tsImport(pathToFileURL(seedModule).href, import.meta.url);
  if (typeof mod.seedDemoData !== 'function')
    throw new Error('scripts/seed/seedDemoData.ts does not export seedDemoData');
  const summary = await mod.seedDemoData(apiUrl, token);
  mkdirSync(dirname(seededMarker), { recursive: true });
  writeFileSync(seededMarker, `${new Date().toISOString()}\n`);
  log(`seeded demo data${summary ? `: ${JSON.stringify(summary)}` : ''}`);
}

function buildExtension() {
  if (skipExtension) return null;
  if (!existsSync(join(root, 'extension', 'entrypoints'))) return null;
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (!pkg.scripts?.build) return null;
  log('building the extension for Chrome and Firefox (npm run build) …');
  try {
    run('npm', ['run', 'build']);
    // A development build also matches the local demo pages (extension/lib/urlDetection.ts),
    // so the overlay can be tried without a Gmail, LinkedIn, HubSpot or Salesforce account.
    run(join(root, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'chrome', '--mode', 'development']);
  } catch (error) {
    log(`\x1b[33mthe extension build failed (${error.message}); the API keeps running\x1b[0m`);
    return null;
  }
  return {
    chrome: join(root, '.output', 'chrome-mv3'),
    firefox: join(root, '.output', 'firefox-mv2'),
    demo: join(root, '.output', 'chrome-mv3-dev'),
  };
}

function startDemoServer(token) {
  const script = join(root, 'scripts', 'demo-server.mjs');
  if (skipExtension || !existsSync(script)) return false;
  startChild('demo', process.execPath, [script], { LEADLENS_API_URL: apiUrl, LEADLENS_ADMIN_TOKEN: token });
  return true;
}

async function main() {
  log('applying D1 migrations to the local database …');
  run(wranglerBin, ['d1', 'migrations', 'apply', 'leadlens', '--local', ...persistArgs], {
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  });

  const admin = ensureAdminToken();
  log(admin.created ? 'wrote a new ADMIN_TOKEN to .dev.vars' : 'using ADMIN_TOKEN from .dev.vars');

  log(`starting the Worker on ${apiUrl} …`);
  startChild('worker', wranglerBin, [
    'dev',
    '--ip',
    host,
    '--port',
    String(port),
    '--show-interactive-dev-session=false',
    ...persistArgs,
  ]);
  const health = await waitForHealth();
  log(`Worker is up (model version ${health.modelVersion})`);

  await seedModel(admin.token);
  try {
    await seedDemoData(admin.token);
  } catch (error) {
    log(`\x1b[33mdemo data seeding failed: ${error.message}\x1b[0m`);
  }

  const extension = buildExtension();
  const demo = startDemoServer(admin.token);

  console.log(`
\x1b[1mLeadlens is running.\x1b[0m

  API            ${apiUrl}   (health: ${apiUrl}/healthz, OpenAPI: ${apiUrl}/v1/openapi.json)
  Admin token    ${admin.token}
  Try it         curl -H "Authorization: Bearer ${admin.token}" ${apiUrl}/v1/model
${
  extension
    ? `
  Extension      Chrome: chrome://extensions → Developer mode → "Load unpacked" → ${extension.chrome}
                 Firefox: about:debugging#/runtime/this-firefox → "Load Temporary Add-on" → ${extension.firefox}/manifest.json
                 Demo build (also runs on the local demo pages below): ${extension.demo}
                 Then open the extension's options: API URL ${apiUrl}, token above, "Save connection".
`
    : ''
}${demo ? '  Demo pages     see the [demo] lines above for their URLs\n' : ''}
Press Ctrl-C to stop.
`);
}

main().catch((error) => fail(error.stack ?? String(error)));
