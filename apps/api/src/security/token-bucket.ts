/**
 * Token buckets keyed by string, in memory: `capacity` attempts at once, refilled at
 * `refillPerMinute`. One process only; behind several API instances each keeps its own count.
 */
export interface BucketSettings {
  capacity: number;
  refillPerMinute: number;
  /** Most keys remembered; the oldest are forgotten first (bounds memory under a spray of keys). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly settings: BucketSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`: 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const bucket = this.refilled(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    const perMs = this.settings.refillPerMinute / 60_000;
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  }

  private refilled(key: string): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket) {
      this.buckets.delete(key); // re-inserted below: Map order is then least recently used first
      const gained = ((now - bucket.updatedAt) * this.settings.refillPerMinute) / 60_000;
      bucket = { tokens: Math.min(this.settings.capacity, bucket.tokens + gained), updatedAt: now };
    } else {
      bucket = { tokens: this.settings.capacity, updatedAt: now };
    }
    this.buckets.set(key, bucket);
    const maxKeys = this.settings.maxKeys ?? 10_000;
    while (this.buckets.size > maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return bucket;
  }
}
