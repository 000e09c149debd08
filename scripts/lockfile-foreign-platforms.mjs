#!/usr/bin/env node
// This machine's npm registry answers 404 for other platforms' binary packages
// (@rollup/rollup-darwin-arm64, @biomejs/cli-win32-x64, …), so `npm install` leaves them out of
// package-lock.json and `npm ci` then refuses the lockfile ("Missing: … from lock file").
// This adds a lock entry, with the os/cpu/libc its name declares, for every such optional
// dependency; npm ci skips them on this platform without fetching anything.
// Run it after `npm install` changes the lockfile: `node scripts/lockfile-foreign-platforms.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCKFILE = new URL('../package-lock.json', import.meta.url);
const PLATFORM =
  /(?:^|-)(android|darwin|freebsd|linux|openbsd|openharmony|netbsd|sunos|aix|win32)-(arm64|arm|ia32|loong64|ppc64|riscv64|s390x|x64|mips64el)(?:-(gnu|musl|gnueabihf|musleabihf|msvc|eabi))?$/;

const lock = JSON.parse(readFileSync(LOCKFILE, 'utf8'));
const packages = lock.packages;
const added = [];
const unknown = [];

for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const platform = PLATFORM.exec(name.split('/').pop() ?? '');
    if (!platform) {
      unknown.push(`${name}@${version}`);
      continue;
    }
    const [, os, cpu, abi] = platform;
    const entry = { version, dev: Boolean(meta.dev), optional: true, os: [os], cpu: [cpu] };
    if (os === 'linux' && abi?.startsWith('musl')) entry.libc = ['musl'];
    if (os === 'linux' && abi?.startsWith('gnu')) entry.libc = ['glibc'];
    packages[`node_modules/${name}`] = entry;
    added.push(`${name}@${version}`);
  }
}

if (added.length > 0) {
  lock.packages = Object.fromEntries(
    Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
  );
  writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`lockfile: added ${added.length} foreign-platform optional entr${added.length === 1 ? 'y' : 'ies'}`);
for (const name of added) console.log(`  + ${name}`);
if (unknown.length > 0) {
  console.error(
    `optional dependencies missing from the lock whose platform cannot be told from the name:\n  ${unknown.join('\n  ')}`,
  );
  process.exit(1);
}
