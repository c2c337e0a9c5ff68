import { asStoredJson } from './as-stored-json';

describe('asStoredJson', () => {
  it.each<[string, unknown]>([
    ['a plain object of strings, numbers, booleans and null', { a: 'x', b: 1.5, c: true, d: null }],
    ['nested plain arrays and objects', { list: [1, 'two', { three: [false] }], empty: {}, none: [] }],
    [
      'a stamp-like metadata object',
      { recordedAt: '2025-01-01T00:00:00Z', schemaVersion: 1, integrity: { v: 1 } },
    ],
  ])('returns %s itself (JSON gives back an equal value)', (_, value) => {
    expect(asStoredJson(value)).toBe(value);
    expect(asStoredJson(value)).toStrictEqual(JSON.parse(JSON.stringify(value)));
  });

  class Dto {
    constructor(readonly date: string) {}
  }
  const withSymbol = { a: 1, [Symbol('s')]: 2 };
  const withProto = JSON.parse('{"__proto__": {"x": 1}}') as unknown;
  it.each<[string, unknown]>([
    ['an undefined field', { a: 1, note: undefined }],
    ['undefined in an array', [1, undefined]],
    ['a hole in an array', [1, , 3]],
    ['NaN and Infinity', { a: Number.NaN, b: Number.POSITIVE_INFINITY }],
    ['-0', { a: -0 }],
    ['a Date', { at: new Date('2024-01-09T00:00:00Z') }],
    ['a class instance', { dto: new Dto('2024-01-09') }],
    ['a toJSON method', { a: { toJSON: () => 'x' } }],
    ['a symbol key', withSymbol],
    ['a __proto__ key', withProto],
    ['a function', { f: () => 1 }],
  ])('round-trips a value with %s, as the store would', (_, value) => {
    const stored = asStoredJson(value);
    expect(stored).not.toBe(value);
    expect(stored).toStrictEqual(JSON.parse(JSON.stringify(value)));
  });
});
