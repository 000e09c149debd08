/**
 * Recency decay 0.5^(age / halfLife) without `Math.exp`.
 *
 * A lead with 200 events needs 200 decay factors per scoring, and `Math.exp` (a call into V8's C
 * library, ~15 ns here) was a third of a stored lead's scoring. This splits the exponent into
 * whole half-lives and 1/1024ths of one, both read from tables, and a four-term series for the
 * rest (|y| < ln 2 / 1024, so the series' error is below 1e-18). The result agrees with
 * `Math.exp(-age * ln2 / halfLife)` to ~2.5e-16 relative per half-life of age (decay.test.ts), far inside the
 * micro-point rounding of interest sums; exactly 0.5 at one half-life, 1 at age 0.
 */

const STEPS = 1024;
/** Below 2^-1074 a double is 0. */
const MAX_HALF_LIVES = 1075;
const stepPowers = Float64Array.from({ length: STEPS }, (_, j) => 2 ** (-j / STEPS));
const wholePowers = Float64Array.from({ length: MAX_HALF_LIVES }, (_, n) => 2 ** -n);
const LN2_PER_STEP = Math.LN2 / STEPS;

/** 0.5^(ageMs / halfLifeMs); 1 for an age of 0 or less (future-dated events are "now"). */
export function halfLifeDecay(ageMs: number, halfLifeMs: number): number {
  if (!(ageMs > 0)) return 1;
  const steps = (ageMs / halfLifeMs) * STEPS;
  if (!(steps < MAX_HALF_LIVES * STEPS)) return 0;
  const whole = Math.floor(steps);
  const y = (whole - steps) * LN2_PER_STEP;
  const rest = 1 + y * (1 + y * (0.5 + y * (1 / 6 + y * (1 / 24))));
  return (wholePowers[whole >>> 10] as number) * (stepPowers[whole & (STEPS - 1)] as number) * rest;
}
