import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Node side of the Olist funnel test: tests inside workerd cannot read the file system, so the vitest
 * config reads the real Olist CSVs (used in place from ../shared/data/olist, never copied into the repo)
 * and hands them to the Worker as text bindings. A missing file becomes an empty binding, and the test
 * that needs it fails saying which path to provide.
 */
const OLIST_DIR = fileURLToPath(new URL('../../../shared/data/olist/', import.meta.url));

async function readOrEmpty(name: string): Promise<string> {
  try {
    return await readFile(`${OLIST_DIR}${name}`, 'utf8');
  } catch {
    return '';
  }
}

export async function olistBindings(): Promise<{ OLIST_DIR: string; OLIST_MQL_CSV: string; OLIST_CLOSED_CSV: string }> {
  const [mql, closed] = await Promise.all([
    readOrEmpty('olist_marketing_qualified_leads_dataset.csv'),
    readOrEmpty('olist_closed_deals_dataset.csv'),
  ]);
  return { OLIST_DIR, OLIST_MQL_CSV: mql, OLIST_CLOSED_CSV: closed };
}
