import { defineConfig } from 'wxt';
import { preactInContentScript } from './extension/build/preactInContentScript';
import { SITE_MATCH_PATTERNS } from './extension/lib/siteMatchPatterns';

// API origins are chosen by the admin (cloud or self-hosted), so they are
// optional and requested from the options page when the connection is saved.
const API_ORIGIN_PERMISSIONS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

// Extension pages (options, popup, background) run only the bundled scripts: no inline script,
// no eval, no remote code, no plugins. connect-src stays open: the API origin is the admin's choice.
const EXTENSION_PAGES_CSP = "script-src 'self'; object-src 'self'";

export default defineConfig({
  srcDir: 'extension',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: code reads the same in the extension, tests and editors.
  imports: false,
  vite: () => ({ plugins: [preactInContentScript()] }),
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Leadlens',
    description: 'The sales–marketing agreement about the person on screen: quadrant, score, stage, persona.',
    permissions: ['storage', 'alarms'],
    // The overlay runs only on the five sites; a self-hosted API origin is asked for at runtime.
    host_permissions: SITE_MATCH_PATTERNS,
    // WXT drops optional_host_permissions for MV2; there they are plain optional permissions.
    ...(manifestVersion === 3
      ? { optional_host_permissions: API_ORIGIN_PERMISSIONS }
      : { optional_permissions: API_ORIGIN_PERMISSIONS }),
    content_security_policy: manifestVersion === 3 ? { extension_pages: EXTENSION_PAGES_CSP } : EXTENSION_PAGES_CSP,
    // Firefox needs a stable id for storage to survive reinstalls; Chrome rejects the key with a warning.
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'leadlens@leadlens.app' } } } : {}),
  }),
});
