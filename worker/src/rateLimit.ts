/**
 * Per-token token bucket kept in isolate memory. Each Worker isolate counts on its own,
 * so the real ceiling is `limit × isolates`; it exists to stop a runaway client
 * (an extension stuck in a retry loop), not to meter usage. Cheap: no storage round trip.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    readonly perMinute: number,
    readonly burst: number = perMinute,
    readonly maxKeys = 10_000,
  ) {}

  /** Takes one token for `key`; returns 0 when allowed, else the seconds to wait. */
  take(key: string, nowMs: number): number {
    const ratePerMs = this.perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: this.burst, updatedAt: nowMs };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (nowMs - bucket.updatedAt) * ratePerMs);
    bucket.updatedAt = nowMs;
    if (!this.#buckets.has(key)) {
      // Bound memory: forget the oldest key (Map keeps insertion order).
      if (this.#buckets.size >= this.maxKeys) {
        const oldest = this.#buckets.keys().next().value;
        if (oldest !== undefined) this.#buckets.delete(oldest);
      }
      this.#buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
  }
}
