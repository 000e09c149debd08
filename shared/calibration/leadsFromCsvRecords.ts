import type { CalibrationActionValue, CalibrationLead } from './schemas';

export interface LeadsFromCsvOptions {
  /** Column holding the outcome; "1", "true", "yes", "won", "customer" (any case) count as converted. */
  outcomeColumn: string;
  /** Columns that are not actions: ids, and anything filled in after the outcome was known (leakage). */
  ignoreColumns?: readonly string[];
  /** Cell values meaning "not answered" besides the empty cell, e.g. "Select". Compared case-insensitively. */
  missingValues?: readonly string[];
}

const TRUE_OUTCOMES = new Set(['1', 'true', 'yes', 'y', 'won', 'customer', 'converted']);
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const YES = new Set(['yes', 'true', 'y']);
const NO = new Set(['no', 'false', 'n']);

/**
 * Turns CSV records (header → cell) into calibration leads. A column's kind follows from all its
 * answered cells: only yes/no → boolean, only numbers → number, otherwise text (numbers-looking
 * cells of a mixed column stay text, so a category like "10" keeps its own bucket).
 */
export function leadsFromCsvRecords(
  records: readonly Record<string, string>[],
  options: LeadsFromCsvOptions,
): CalibrationLead[] {
  const ignored = new Set([options.outcomeColumn, ...(options.ignoreColumns ?? [])]);
  const missing = new Set(['', ...(options.missingValues ?? []).map((v) => v.trim().toLowerCase())]);
  const columns = [...new Set(records.flatMap((record) => Object.keys(record)))].filter((c) => !ignored.has(c));
  if (records.length > 0 && !records.some((record) => options.outcomeColumn in record)) {
    throw new Error(`outcome column "${options.outcomeColumn}" not found`);
  }

  const isMissing = (cell: string | undefined) => cell === undefined || missing.has(cell.trim().toLowerCase());
  const kindOf = new Map<string, 'boolean' | 'number' | 'text'>();
  for (const column of columns) {
    let allBoolean = true;
    let allNumber = true;
    for (const record of records) {
      const cell = record[column];
      if (isMissing(cell)) continue;
      const value = (cell as string).trim();
      const lower = value.toLowerCase();
      if (!YES.has(lower) && !NO.has(lower)) allBoolean = false;
      if (!NUMBER.test(value)) allNumber = false;
      if (!allBoolean && !allNumber) break;
    }
    kindOf.set(column, allBoolean ? 'boolean' : allNumber ? 'number' : 'text');
  }

  return records.map((record) => {
    const actions: Record<string, CalibrationActionValue> = {};
    for (const column of columns) {
      const cell = record[column];
      if (isMissing(cell)) {
        actions[column] = null;
        continue;
      }
      const value = (cell as string).trim();
      const kind = kindOf.get(column);
      actions[column] = kind === 'boolean' ? YES.has(value.toLowerCase()) : kind === 'number' ? Number(value) : value;
    }
    const outcome = (record[options.outcomeColumn] ?? '').trim().toLowerCase();
    return { actions, converted: TRUE_OUTCOMES.has(outcome) };
  });
}
