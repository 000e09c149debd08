import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_DIR, REPO_ROOT } from './helpers/paths';

/**
 * The least the extension may ask for, checked on what ships (the built manifests), not on the
 * config: the five sites' hosts (Outlook has two), an optional grant for the API origin, storage
 * and alarms, and a strict CSP for its own pages.
 */
const SITE_HOSTS = [
  '*://*.lightning.force.com/*',
  '*://app.hubspot.com/*',
  '*://mail.google.com/*',
  '*://outlook.live.com/*',
  '*://outlook.office.com/*',
  '*://www.linkedin.com/*',
];
const API_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'];
const API_PERMISSIONS = ['alarms', 'storage'];
const BROAD_PATTERNS = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*'];
const FIREFOX_DIR = join(REPO_ROOT, '.output/firefox-mv2');

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_security_policy?: string | { extension_pages?: string; sandbox?: string };
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: (string | { matches?: string[] })[];
}

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

const sorted = (values: readonly string[] | undefined) => [...(values ?? [])].sort();
const isPattern = (permission: string) => permission.includes('://') || permission === '<all_urls>';

/** Only bundled scripts: no inline code, no eval (wasm included), no remote script origins, no plugins. */
function expectStrictCsp(policy: string | undefined): void {
  expect(policy).toBeDefined();
  const directives = new Map(
    (policy ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'self'"]);
  // The API origin is configured by the admin at run time, so connect-src must not pin it.
  expect(directives.has('connect-src')).toBe(false);
}

function expectContentScriptsOnSitesOnly(manifest: Manifest): void {
  const scripts = manifest.content_scripts ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    for (const pattern of BROAD_PATTERNS) expect(script.matches).not.toContain(pattern);
    expect(sorted(script.matches)).toEqual(SITE_HOSTS);
  }
  for (const resource of manifest.web_accessible_resources ?? []) {
    if (typeof resource === 'string') continue;
    for (const match of resource.matches ?? []) expect(SITE_HOSTS).toContain(match);
  }
}

describe('built manifest: least privilege and strict CSP', () => {
  it('Chrome MV3 asks for storage and alarms, the five sites, and the API origin only optionally', async () => {
    const manifest = await readManifest(CHROME_EXTENSION_DIR);
    expect(manifest.manifest_version).toBe(3);
    expect(sorted(manifest.permissions)).toEqual(API_PERMISSIONS);
    expect(sorted(manifest.host_permissions)).toEqual(SITE_HOSTS);
    expect(sorted(manifest.optional_host_permissions)).toEqual(API_ORIGINS);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expectContentScriptsOnSitesOnly(manifest);
  });

  it('Chrome MV3 extension pages have a strict CSP', async () => {
    const manifest = await readManifest(CHROME_EXTENSION_DIR);
    const csp = manifest.content_security_policy;
    expect(typeof csp).toBe('object');
    expectStrictCsp(typeof csp === 'object' ? csp.extension_pages : undefined);
  });

  it.skipIf(!existsSync(join(FIREFOX_DIR, 'manifest.json')))(
    'Firefox MV2 (when built) asks for the same and carries the CSP in its string form',
    async () => {
      const manifest = await readManifest(FIREFOX_DIR);
      expect(manifest.manifest_version).toBe(2);
      const permissions = manifest.permissions ?? [];
      // MV2 lists host permissions among the permissions.
      expect(sorted(permissions.filter((p) => !isPattern(p)))).toEqual(API_PERMISSIONS);
      expect(sorted(permissions.filter(isPattern))).toEqual(SITE_HOSTS);
      expect(sorted(manifest.optional_permissions)).toEqual(API_ORIGINS);
      expect(typeof manifest.content_security_policy).toBe('string');
      expectStrictCsp(manifest.content_security_policy as string);
      expectContentScriptsOnSitesOnly(manifest);
    },
  );
});
