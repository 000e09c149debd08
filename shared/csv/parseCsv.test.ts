import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CsvParseError, parseCsv, parseCsvRecords } from './parseCsv';

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

describe('parseCsv', () => {
  it('splits plain fields and rows', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const text = 'name,note\r\n"Doe, Jane","She said ""hi""\r\nthen left"\r\n"x\ny",""\r\n';
    expect(parseCsv(text)).toEqual([
      ['name', 'note'],
      ['Doe, Jane', 'She said "hi"\r\nthen left'],
      ['x\ny', ''],
    ]);
  });

  it('accepts CRLF, LF and lone CR row ends and a missing final line break', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('drops a leading byte-order mark so the first header is clean', () => {
    expect(parseCsv('\uFEFFid,name\r\n1,x\r\n')[0]).toEqual(['id', 'name']);
  });

  it('keeps the empty field a trailing comma makes, and empty fields in between', () => {
    expect(parseCsv('a,b,\r\n1,,\r\n')).toEqual([
      ['a', 'b', ''],
      ['1', '', ''],
    ]);
  });

  it('returns no rows for an empty text and one empty field for a blank line', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('supports another delimiter', () => {
    expect(parseCsv('a;"b;c"\n1;2', { delimiter: ';' })).toEqual([
      ['a', 'b;c'],
      ['1', '2'],
    ]);
  });

  it('rejects malformed quoting with the line it starts on', () => {
    expect(() => parseCsv('a,b\n1,"open\nstill open')).toThrow(CsvParseError);
    expect(() => parseCsv('a,b\n1,"open\nstill open')).toThrow(/unterminated quoted field \(line 2\)/);
    expect(() => parseCsv('a\n"x"y\n')).toThrow(/after a closing quote/);
    expect(() => parseCsv('a\nx"y\n')).toThrow(/quote inside an unquoted field \(line 2\)/);
  });
});

describe('parseCsvRecords', () => {
  it('keys cells by header, drops the unnamed trailing-comma column, fills short rows and skips blank lines', () => {
    const text = '\uFEFFid,name,\r\n1,"Ann, B",\r\n\r\n2\r\n';
    expect(parseCsvRecords(text)).toEqual([
      { id: '1', name: 'Ann, B' },
      { id: '2', name: '' },
    ]);
  });

  it('refuses duplicate column names', () => {
    expect(() => parseCsvRecords('a,b,a\n1,2,3')).toThrow(/duplicate CSV column "a"/);
  });

  it('reads the raw X Education file: 9,240 rows of 37 named columns', () => {
    const text = readFileSync(resolve(dataDir, 'xeducation/Leads.csv'), 'utf8');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(9241);
    // 37 named columns plus the empty one every trailing comma creates, on every row.
    expect(new Set(rows.map((row) => row.length))).toEqual(new Set([38]));
    const records = parseCsvRecords(text);
    expect(records).toHaveLength(9240);
    expect(Object.keys(records[0] ?? {})).toHaveLength(37);
    expect(records.filter((r) => r.Converted === '1')).toHaveLength(3561);
  });
});
