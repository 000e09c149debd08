import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LEADS_CSV = join(ROOT, '..', 'shared', 'data', 'xeducation', 'Leads.csv');
const run = promisify(execFile);

function figure(output: string, label: string): number {
  const match = new RegExp(`^${label} (\\d\\.\\d+)$`, 'm').exec(output);
  if (!match?.[1]) throw new Error(`no "${label} <value>" line in:\n${output}`);
  return Number(match[1]);
}

describe('npm run calibrate on the public X Education leads', () => {
  it('prints the points table and a held-out AUC at or above logistic regression', async () => {
    const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/calibrate.ts', LEADS_CSV], {
      cwd: ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout).toContain('Leads 9240, customers 3561, average close rate 38.54 %');
    expect(stdout).toMatch(/Lead Source\s+Welingak Website\s+142\s+140\s+98\.59 %/);
    const auc = figure(stdout, 'AUC');
    const baseline = figure(stdout, 'Baseline logistic regression AUC');
    expect(auc).toBeGreaterThanOrEqual(baseline);
    expect(auc).toBeGreaterThan(0.85);
    expect(auc).toBeLessThan(0.95);
  });

  it('fails with a clear message when the file is missing', async () => {
    const failure = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/calibrate.ts', 'no-such.csv'], {
      cwd: ROOT,
    }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain('no-such.csv');
  });
});
