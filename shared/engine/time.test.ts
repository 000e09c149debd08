import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoMs, toEpochMs, toIso } from './time';

describe('parseIsoMs', () => {
  it('agrees with Date.parse on toISOString output', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(parseIsoMs(text)).toBe(Date.parse(text));
      }),
    );
  });

  it('reads offsets, missing seconds, long fractions and lowercase separators', () => {
    const cases = [
      '2025-03-01T09:30:00+09:00',
      '2025-03-01T09:30:00-05:30',
      '2025-03-01T09:30Z',
      '2025-03-01T09:30:00.123456Z',
      '2025-03-01t09:30:00z',
      '2024-02-29T23:59:59.999Z',
      '1969-12-31T23:59:59Z',
    ];
    for (const text of cases) expect(parseIsoMs(text), text).toBe(Date.parse(text.toUpperCase()));
  });

  it('falls back to Date.parse for other shapes and gives NaN for junk', () => {
    expect(parseIsoMs('2025-03-01')).toBe(Date.parse('2025-03-01'));
    expect(parseIsoMs('not a date')).toBeNaN();
    expect(parseIsoMs('2025-13-01T00:00:00.000Z')).toBeNaN();
    expect(() => toEpochMs('yesterday')).toThrow(RangeError);
    expect(toEpochMs(new Date(5))).toBe(5);
  });
});

describe('toIso', () => {
  it('writes exactly what toISOString writes, over the whole range of Date', () => {
    const check = (ms: number) => {
      expect(toIso(ms), String(ms)).toBe(new Date(ms).toISOString());
    };
    fc.assert(fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), check), { numRuns: 2000 });
    // Where most instants are, and where the fast path's edges and leap days are.
    fc.assert(fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), check), { numRuns: 2000 });
    for (const ms of [
      0,
      -1,
      1,
      -62_167_219_200_000,
      -62_167_219_200_001,
      253_402_300_799_999,
      253_402_300_800_000,
      Date.parse('2024-02-29T23:59:59.999Z'),
      Date.parse('2000-03-01T00:00:00.000Z'),
      Date.parse('1900-02-28T12:00:00.000Z'),
      1.5,
    ]) {
      check(ms);
    }
    expect(() => toIso(Number.NaN)).toThrow(RangeError);
  });
});
