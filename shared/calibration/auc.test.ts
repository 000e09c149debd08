import { describe, expect, it } from 'vitest';
import { auc } from './auc';
import { seededRandom } from './seededSplit';

/** The definition itself: share of (positive, negative) pairs ranked correctly, ties counting 1/2. */
function pairwiseAuc(scores: number[], labels: boolean[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (!labels[i]) return;
    scores.forEach((n, j) => {
      if (labels[j]) return;
      pairs++;
      wins += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

describe('auc', () => {
  it('is 1 for a perfect ranking and 0 for an inverted one', () => {
    expect(auc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(auc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
  });

  it('is 0.5 when every score ties', () => {
    expect(auc([7, 7, 7, 7, 7], [true, false, true, false, false])).toBe(0.5);
  });

  it('counts a tie between a positive and a negative as half a pair', () => {
    // pairs (pos 2 vs neg 1) 1, (2 vs 2) 0.5, (3 vs 1) 1, (3 vs 2) 1 → 3.5 / 4
    expect(auc([1, 2, 2, 3], [false, true, false, true])).toBe(0.875);
  });

  it('is undefined (NaN) without both outcomes', () => {
    expect(auc([1, 2], [true, true])).toBeNaN();
    expect(auc([], [])).toBeNaN();
  });

  it('matches the pairwise definition on random scores with many ties', () => {
    const random = seededRandom(42);
    for (let round = 0; round < 20; round++) {
      const scores = Array.from({ length: 60 }, () => Math.floor(random() * 8));
      const labels = scores.map(() => random() < 0.4);
      if (!labels.includes(true) || !labels.includes(false)) continue;
      expect(auc(scores, labels)).toBeCloseTo(pairwiseAuc(scores, labels), 12);
    }
  });

  it('rejects scores and labels of different lengths', () => {
    expect(() => auc([1], [true, false])).toThrow();
  });
});
