/**
 * RFC 4180 CSV parsing, strict enough for exports from CRMs and spreadsheets:
 * quoted fields, doubled quotes inside quotes, line breaks inside quotes, CRLF or LF
 * (or lone CR) row ends, a leading UTF-8 byte-order mark, and no row for a final line break.
 * Rows are returned as written: a trailing comma yields a trailing empty field, and rows
 * may differ in length (callers decide what a short or long row means).
 */
export interface ParseCsvOptions {
  /** Field separator, one character; `,` unless told (`;` is common in European exports). */
  delimiter?: string;
}

export class CsvParseError extends Error {
  constructor(
    message: string,
    /** 1-based physical line where the problem starts. */
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = 'CsvParseError';
  }
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new Error('delimiter must be one character other than a quote or a line break');
  }
  const sep = delimiter.charCodeAt(0);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let line = 1;
  let i = 0;
  const n = source.length;
  if (n === 0) return rows;

  // Each loop iteration reads one field and the separator or row end after it.
  while (true) {
    let field: string;
    if (source.charCodeAt(i) === QUOTE) {
      const startLine = line;
      let value = '';
      let chunkStart = i + 1;
      i++;
      while (true) {
        if (i >= n) throw new CsvParseError('unterminated quoted field', startLine);
        const c = source.charCodeAt(i);
        if (c === QUOTE) {
          if (source.charCodeAt(i + 1) === QUOTE) {
            value += source.slice(chunkStart, i + 1);
            i += 2;
            chunkStart = i;
            continue;
          }
          value += source.slice(chunkStart, i);
          i++;
          break;
        }
        if (c === LF || (c === CR && source.charCodeAt(i + 1) !== LF)) line++;
        i++;
      }
      field = value;
      const next = source.charCodeAt(i);
      if (i < n && next !== sep && next !== CR && next !== LF) {
        throw new CsvParseError('unexpected character after a closing quote', line);
      }
    } else {
      const start = i;
      while (i < n) {
        const c = source.charCodeAt(i);
        if (c === sep || c === CR || c === LF) break;
        if (c === QUOTE) throw new CsvParseError('quote inside an unquoted field', line);
        i++;
      }
      field = source.slice(start, i);
    }
    row.push(field);

    if (i >= n) {
      rows.push(row);
      return rows;
    }
    const c = source.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    // Row end: CRLF, LF or a lone CR.
    i += c === CR && source.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
}

/**
 * Rows as objects keyed by the header row. Columns with an empty header name (such as the
 * phantom column a trailing comma on every line creates) are dropped; missing cells are ''.
 * Duplicate header names throw, because one of the values would be silently lost.
 */
export function parseCsvRecords(text: string, options: ParseCsvOptions = {}): Record<string, string>[] {
  const [header, ...body] = parseCsv(text, options);
  if (!header) return [];
  const columns = header.map((name) => name.trim());
  const seen = new Set<string>();
  for (const name of columns) {
    if (name === '') continue;
    if (seen.has(name)) throw new Error(`duplicate CSV column "${name}"`);
    seen.add(name);
  }
  const records: Record<string, string>[] = [];
  for (const cells of body) {
    // A blank line inside the file is one empty field; it carries no record.
    if (cells.length === 1 && cells[0] === '') continue;
    const record: Record<string, string> = {};
    columns.forEach((name, index) => {
      if (name !== '') record[name] = cells[index] ?? '';
    });
    records.push(record);
  }
  return records;
}
