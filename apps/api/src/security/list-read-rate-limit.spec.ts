import { DEFAULT_LIST_READ_LIMITS, ListReadLimiter, listReadLimitsFromEnv } from './list-read-rate-limit';

describe('listReadLimitsFromEnv (CARE_JOURNEY_LIST_READ_LIMIT)', () => {
  it('defaults when unset, reads <at once>/<a minute> when set', () => {
    expect(listReadLimitsFromEnv({})).toEqual(DEFAULT_LIST_READ_LIMITS);
    expect(listReadLimitsFromEnv({ CARE_JOURNEY_LIST_READ_LIMIT: ' 120/60 ' })).toEqual({
      capacity: 120,
      refillPerMinute: 60,
    });
  });

  it.each(['60', '0/30', '60/0', '60/-1', 'lots', '1.5/2'])(
    'refuses %s, naming the variable and the rule',
    (raw) => {
      expect(() => listReadLimitsFromEnv({ CARE_JOURNEY_LIST_READ_LIMIT: raw })).toThrow(
        /^CARE_JOURNEY_LIST_READ_LIMIT: must be <reads at once>\/<reads a minute>/,
      );
    },
  );
});

describe('ListReadLimiter', () => {
  it('covers the list routes by template, HEAD as GET, and nothing else', () => {
    expect(ListReadLimiter.covers('GET', '/children')).toBe(true);
    expect(ListReadLimiter.covers('HEAD', '/panel/drift.csv')).toBe(true);
    expect(ListReadLimiter.covers('GET', '/children/:id')).toBe(false);
    expect(ListReadLimiter.covers('POST', '/children')).toBe(false);
    expect(ListReadLimiter.covers('GET', undefined)).toBe(false);
  });

  it('keeps one budget per user id', () => {
    const limiter = new ListReadLimiter({ capacity: 1, refillPerMinute: 1 });
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBeGreaterThan(0);
    expect(limiter.take('b')).toBe(0);
  });
});
