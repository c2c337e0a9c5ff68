import { RecentCache } from './recent-cache';

describe('RecentCache', () => {
  it('computes once per key and forgets the least recently used', () => {
    const cache = new RecentCache<number>(2);
    let calls = 0;
    const get = (key: string) => cache.getOrCompute(key, () => ++calls);
    expect([get('a'), get('a'), get('b')]).toEqual([1, 1, 2]);
    get('a'); // a is now the most recent
    get('c'); // evicts b
    expect(get('a')).toBe(1);
    expect(get('b')).toBe(4);
  });
});
