import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// DESIGN §8: no outside text is ever injected as HTML. The rule lives in biome.json
// (biome-plugins/no-html-injection.grit plus biome's noDangerouslySetInnerHtml); these cases
// prove it fires, so `npm run lint` (part of `npm test`) stops such code from landing.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');
const run = promisify(execFile);

const FORBIDDEN: Record<string, string> = {
  'inner-html.ts': 'export function f(el: HTMLElement, s: string) {\n  el.innerHTML = s;\n}\n',
  'inner-html-append.ts': 'export function f(el: HTMLElement, s: string) {\n  el.innerHTML += s;\n}\n',
  'outer-html.ts': 'export function f(el: HTMLElement, s: string) {\n  el.outerHTML = s;\n}\n',
  'adjacent-html.ts': "export function f(el: HTMLElement, s: string) {\n  el.insertAdjacentHTML('beforeend', s);\n}\n",
  'document-write.ts': 'export function f(s: string) {\n  document.write(s);\n}\n',
  'dangerously.tsx':
    'export function F(props: { s: string }) {\n  return <div dangerouslySetInnerHTML={{ __html: props.s }} />;\n}\n',
};
const ALLOWED = 'export function f(el: HTMLElement, s: string) {\n  el.textContent = s;\n}\n';

async function lint(dir: string, file: string): Promise<{ failed: boolean; output: string }> {
  return run(BIOME, ['lint', `--config-path=${join(ROOT, 'biome.json')}`, '--vcs-enabled=false', file], {
    cwd: dir,
  }).then(
    ({ stdout, stderr }) => ({ failed: false, output: stdout + stderr }),
    (error: { stdout?: string; stderr?: string }) => ({ failed: true, output: `${error.stdout}${error.stderr}` }),
  );
}

describe('lint rule: no HTML injection', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'leadlens-lint-'));
    for (const [name, code] of Object.entries(FORBIDDEN)) await writeFile(join(dir, name), code);
    await writeFile(join(dir, 'text-content.ts'), ALLOWED);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(Object.keys(FORBIDDEN))('rejects %s', async (file) => {
    const result = await lint(dir, file);
    expect(result.failed).toBe(true);
    expect(result.output).toMatch(/HTML injection is forbidden|dangerouslySetInnerHtml|noDangerouslySetInnerHtml/);
  });

  it('accepts text set as textContent', async () => {
    const result = await lint(dir, 'text-content.ts');
    expect(result.output).not.toContain('HTML injection');
    expect(result.failed).toBe(false);
  });
});
