/**
 * One CSV cell (RFC 4180) that is safe to open in a spreadsheet. Lead data comes from web forms
 * and CRMs, so a "name" of `=HYPERLINK("http://evil", "click")` is attacker-controlled: a cell
 * starting with = + - @ tab or CR is prefixed with ' so spreadsheets show it as text instead of
 * evaluating it (OWASP "CSV injection"). Quotes, commas and line breaks are quoted and escaped.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',');
}
