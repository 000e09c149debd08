import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../src/rateLimit';

describe('TokenBuckets', () => {
  it('allows a burst, then asks the caller to wait until a token refills', () => {
    const buckets = new TokenBuckets(60, 3); // one token a second, burst of 3
    const t0 = 1_000_000;
    expect([buckets.take('a', t0), buckets.take('a', t0), buckets.take('a', t0)]).toEqual([0, 0, 0]);
    expect(buckets.take('a', t0)).toBe(1);
    expect(buckets.take('b', t0)).toBe(0); // keys are independent
    expect(buckets.take('a', t0 + 1000)).toBe(0);
    expect(buckets.take('a', t0 + 1000)).toBe(1);
  });

  it('never holds more than the burst however long a key was idle', () => {
    const buckets = new TokenBuckets(60, 2);
    buckets.take('a', 0);
    const later = 10 * 60_000;
    expect([buckets.take('a', later), buckets.take('a', later), buckets.take('a', later)]).toEqual([0, 0, 1]);
  });

  it('forgets the oldest keys beyond its bound', () => {
    const buckets = new TokenBuckets(60, 1, 2);
    buckets.take('a', 0);
    buckets.take('b', 0);
    buckets.take('c', 0); // evicts a
    expect(buckets.take('a', 0)).toBe(0);
  });
});
