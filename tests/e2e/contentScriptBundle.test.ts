import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_DIR } from './helpers/paths';

/**
 * The content script runs on every page load of the five sites, before the card can paint: what
 * it carries is start-up time on every one of them (`npm run bench:overlay`). It was 398 KiB
 * when it carried zod (page facts are now checked in the background) and react-dom (the
 * content-script build renders the same components with Preact's compat layer). These checks
 * read the shipped file, so an import that drags either back in fails here, not in a benchmark.
 */
const CONTENT_SCRIPT = join(CHROME_EXTENSION_DIR, 'content-scripts/content.js');
/** About 37 KiB gzipped (102 KiB raw) at the time of writing; the margin leaves room for features, not for a library. */
const MAX_GZIPPED_KIB = 48;

describe('the built content script', () => {
  it('carries no schema library and no react-dom', async () => {
    const code = await readFile(CONTENT_SCRIPT, 'utf8');
    // Markers that survive minification: zod's error class and internal type tag, react-dom's
    // container property and its production error URL.
    for (const marker of ['ZodError', '$ZodType', '__reactContainer', 'react.dev/errors']) {
      expect(code.includes(marker), `content.js contains "${marker}"`).toBe(false);
    }
  });

  it(`stays under ${MAX_GZIPPED_KIB} KiB gzipped`, async () => {
    const gzippedKib = gzipSync(await readFile(CONTENT_SCRIPT)).length / 1024;
    expect(gzippedKib).toBeLessThan(MAX_GZIPPED_KIB);
  });
});
