import { describe, expect, it } from 'vitest';
import { stratifiedSplit } from './seededSplit';

describe('stratifiedSplit', () => {
  const outcomes = Array.from({ length: 1000 }, (_, i) => i % 5 === 0);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(stratifiedSplit(outcomes, 0.3, 7)).toEqual(stratifiedSplit(outcomes, 0.3, 7));
    expect(stratifiedSplit(outcomes, 0.3, 7).test).not.toEqual(stratifiedSplit(outcomes, 0.3, 8).test);
  });

  it('holds out 30 % of each outcome and partitions the leads', () => {
    const { train, test } = stratifiedSplit(outcomes, 0.3, 1);
    expect(test).toHaveLength(300);
    expect(test.filter((i) => outcomes[i])).toHaveLength(60);
    expect(new Set([...train, ...test]).size).toBe(1000);
    expect(train.length + test.length).toBe(1000);
  });
});
