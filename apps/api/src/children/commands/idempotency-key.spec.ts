import { InvalidIdempotencyKey, parseIdempotencyKey } from './idempotency-key';

describe('parseIdempotencyKey', () => {
  it('is undefined without the header', () => {
    expect(parseIdempotencyKey(undefined)).toBeUndefined();
  });

  it.each(['a', 'order-2024-01-09/7', '3f0c9a4e-5d6b-4c1e-9a61-0b2f1c7d8e90', '!~'.repeat(64)])(
    'takes %p as it is',
    (key) => {
      expect(parseIdempotencyKey(key)).toBe(key);
    },
  );

  it.each([
    ['empty', ''],
    ['129 characters', 'k'.repeat(129)],
    ['a space', 'two words'],
    ['a tab', 'a\tb'],
    ['non-ASCII', 'clé'],
    ['a control character', 'a\u0001'],
  ])('refuses %s, naming the header and the rule', (_, key) => {
    expect(() => parseIdempotencyKey(key)).toThrow(InvalidIdempotencyKey);
    expect(() => parseIdempotencyKey(key)).toThrow(/^Idempotency-Key must be 1–128 visible ASCII characters/);
  });

  it('refuses the header sent twice', () => {
    expect(() => parseIdempotencyKey(['a', 'b'])).toThrow('Idempotency-Key must be sent once');
  });
});
