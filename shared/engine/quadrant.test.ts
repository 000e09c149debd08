import { describe, expect, it } from 'vitest';
import { defaultModel } from '../model/defaultModel';
import { gradeOf, quadrantOf } from './quadrant';

const { fitHigh, interestHigh } = defaultModel.quadrants;

describe('quadrantOf', () => {
  it('treats a value exactly at the threshold as high', () => {
    expect(quadrantOf(defaultModel, fitHigh, interestHigh)).toBe('hot');
    expect(quadrantOf(defaultModel, fitHigh, interestHigh - 1)).toBe('nurture');
    expect(quadrantOf(defaultModel, fitHigh - 1, interestHigh)).toBe('explore');
    expect(quadrantOf(defaultModel, fitHigh - 1, interestHigh - 1)).toBe('disqualify');
  });

  it('covers the extremes', () => {
    expect(quadrantOf(defaultModel, 100, 100)).toBe('hot');
    expect(quadrantOf(defaultModel, 100, 0)).toBe('nurture');
    expect(quadrantOf(defaultModel, 0, 100)).toBe('explore');
    expect(quadrantOf(defaultModel, 0, 0)).toBe('disqualify');
  });
});

describe('gradeOf', () => {
  it('picks the best grade reached, boundaries inclusive', () => {
    expect(gradeOf(defaultModel, 100)).toBe('A');
    expect(gradeOf(defaultModel, 80)).toBe('A');
    expect(gradeOf(defaultModel, 79)).toBe('B');
    expect(gradeOf(defaultModel, 60)).toBe('B');
    expect(gradeOf(defaultModel, 34)).toBe('D');
    expect(gradeOf(defaultModel, 0)).toBe('D');
  });

  it('falls back to the lowest grade when none is reached', () => {
    expect(
      gradeOf(
        {
          ...defaultModel,
          grades: [
            { grade: 'A', minFit: 50 },
            { grade: 'B', minFit: 20 },
          ],
        },
        5,
      ),
    ).toBe('B');
  });
});
