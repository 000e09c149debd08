import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { halfLifeDecay } from './decay';
import { DAY_MS } from './time';

const HALF_LIFE = 30 * DAY_MS;

describe('halfLifeDecay', () => {
  it('is 1 at age 0 or less (future-dated events count as now), 0.5 per whole half-life', () => {
    expect(halfLifeDecay(0, HALF_LIFE)).toBe(1);
    expect(halfLifeDecay(-5 * DAY_MS, HALF_LIFE)).toBe(1);
    expect(halfLifeDecay(Number.NaN, HALF_LIFE)).toBe(1);
    for (let n = 1; n <= 60; n++) expect(halfLifeDecay(n * HALF_LIFE, HALF_LIFE)).toBe(2 ** -n);
  });

  it('is 0 once the factor is below the smallest double', () => {
    expect(halfLifeDecay(1075 * HALF_LIFE, HALF_LIFE)).toBe(0);
    expect(halfLifeDecay(Number.POSITIVE_INFINITY, HALF_LIFE)).toBe(0);
  });

  it('agrees with Math.exp within the rounding of the exponent: ~1e-15 per half-life of age', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5e11, noNaN: true }), fc.integer({ min: 1, max: 365 }), (age, days) => {
        const halfLife = days * DAY_MS;
        const exact = Math.exp((-age * Math.LN2) / halfLife);
        if (exact < 1e-290) return;
        // Both sides round age / halfLife, so their relative error grows with it (2.5e-16 per half-life seen
        // over 3 million samples); 1e-15 per half-life is still far inside the micro-point rounding of sums.
        const halfLives = age / halfLife;
        expect(Math.abs(halfLifeDecay(age, halfLife) - exact) / exact).toBeLessThan(1e-15 * (1 + halfLives));
      }),
      { numRuns: 2000 },
    );
  });

  it('never rises with age, also across the table steps it is built from', () => {
    // Table steps are 1/1024 of a half-life; check a millisecond either side of each in the first 4 half-lives.
    let previous = 1;
    for (let step = 1; step <= 4 * 1024; step++) {
      const boundary = Math.round((step / 1024) * HALF_LIFE);
      for (const age of [boundary - 1, boundary, boundary + 1]) {
        const decay = halfLifeDecay(age, HALF_LIFE);
        expect(decay).toBeLessThanOrEqual(previous);
        previous = decay;
      }
    }
  });
});
