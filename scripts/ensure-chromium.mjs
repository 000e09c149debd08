#!/usr/bin/env node
// Makes sure Debian's Chromium is present for the real-browser tests.
// Browsers are never downloaded by a test tool: only the distribution package is used.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.LEADLENS_CHROMIUM ?? '/usr/bin/chromium';
const INSTALL_COMMAND = 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium';

if (existsSync(CHROMIUM)) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(`Chromium is missing at ${CHROMIUM}. Install it with:\n\n  sudo sh -c '${INSTALL_COMMAND}'\n`);
  process.exit(1);
}

console.log(`Chromium is missing at ${CHROMIUM}; installing Debian's chromium package…`);
const result = spawnSync('sh', ['-c', INSTALL_COMMAND], { stdio: 'inherit' });
if (result.status !== 0 || !existsSync(CHROMIUM)) {
  console.error(`Installing Chromium failed (exit ${result.status}). Run it yourself:\n\n  ${INSTALL_COMMAND}\n`);
  process.exit(1);
}
console.log(`Chromium installed at ${CHROMIUM}.`);
