import type { WxtViteConfig } from 'wxt';

/*
 * The content script runs on every page load of the five sites, before the card can paint, and
 * react-dom alone is ~205 KiB of it (half the script, most of its compile and start-up time,
 * measured with `npm run bench:overlay`). Preact's compat layer runs the same components and
 * hooks in ~12 KiB, so the content-script build resolves React to it. The options page and
 * popup (admin console, opened rarely) keep React. The built card is tested in real Chromium
 * by the e2e suites, so what ships is what is tested.
 */
const REACT_TO_PREACT: Record<string, string> = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react-dom/client': 'preact/compat/client',
  'react/jsx-runtime': 'preact/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/jsx-runtime',
};

/** Whether this Vite build is WXT's content-script build (WXT builds each entrypoint group apart). */
function isContentScriptBuild(config: {
  build: { lib?: false | { entry?: unknown }; rollupOptions: { input?: unknown } };
}) {
  const lib = config.build.lib;
  const entry = lib ? lib.entry : config.build.rollupOptions.input;
  return JSON.stringify(entry ?? '').includes('content-script');
}

type VitePlugin = NonNullable<WxtViteConfig['plugins']>[number];

export function preactInContentScript(): VitePlugin {
  let active = false;
  return {
    name: 'leadlens:preact-in-content-script',
    enforce: 'pre',
    configResolved(config) {
      active = isContentScriptBuild(config);
    },
    resolveId(source, importer) {
      const target = active ? REACT_TO_PREACT[source] : undefined;
      return target ? this.resolve(target, importer, { skipSelf: true }) : null;
    },
  };
}
