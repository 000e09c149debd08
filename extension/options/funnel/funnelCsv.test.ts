import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './funnelCsv';

describe('funnel CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
  });

  it('quotes separators and keeps plain values as they are', () => {
    expect(csvLine(['mql', 'a,b', 'say "hi"', 12, 0.25, null])).toBe('mql,"a,b","say ""hi""",12,0.25,');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
  });
});
