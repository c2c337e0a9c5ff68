import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('allows a burst of `capacity`, then says how long to wait, then refills with time', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, refillPerMinute: 6 }, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(10);
    expect(buckets.take('b')).toBe(0); // keys are separate
    now += 10_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBeGreaterThan(0);
  });

  it('forgets the least recently used keys beyond maxKeys', () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerMinute: 1, maxKeys: 2 }, () => 0);
    buckets.take('a');
    buckets.take('b');
    buckets.take('c'); // 'a' is forgotten: it starts full again
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('c')).toBeGreaterThan(0);
  });
});
