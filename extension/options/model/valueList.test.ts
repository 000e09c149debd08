import { describe, expect, it } from 'vitest';
import { formatValueList, splitValueList } from './valueList';

const values = (raw: string) => splitValueList(raw).map((v) => v.value);

describe('comma-separated value lists', () => {
  it('splits on commas, trims, and skips empty values', () => {
    expect(values('JP, IT,AE ,, ')).toEqual(['JP', 'IT', 'AE']);
    expect(values('')).toEqual([]);
  });

  it('reads a quoted value with commas and doubled quotes inside as one value', () => {
    expect(values('"Banking, financial services", Insurance')).toEqual(['Banking, financial services', 'Insurance']);
    expect(values(' "The ""Big"" Co" , x')).toEqual(['The "Big" Co', 'x']);
    expect(splitValueList('"5000", 5000')).toEqual([
      { value: '5000', quoted: true },
      { value: '5000', quoted: false },
    ]);
  });

  it('keeps an unclosed quote while it is being typed', () => {
    expect(values('JP, "Banking, fin')).toEqual(['JP', 'Banking, fin']);
  });

  it('writes back what it reads', () => {
    const list = ['Banking, financial services', 'The "Big" Co', '5000', 'true', 'JP', ' padded '];
    const text = formatValueList([...list, 42]);
    expect(text).toBe('"Banking, financial services", "The ""Big"" Co", "5000", "true", JP, " padded ", 42');
    expect(values(text)).toEqual([...list, '42']);
  });
});
