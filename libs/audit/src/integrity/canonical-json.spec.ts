import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: null } })).toBe('{"a":{"c":null,"d":[1,"x"]},"b":1}');
  });

  it('gives the same bytes whatever order the keys were inserted in', () => {
    expect(canonicalJson({ x: 1, y: { p: true, q: false } })).toBe(
      canonicalJson({ y: { q: false, p: true }, x: 1 }),
    );
  });

  it('writes bigints as quoted decimal strings, keeping every digit', () => {
    expect(canonicalJson({ revision: 2n ** 64n })).toBe('{"revision":"18446744073709551616"}');
  });

  it('leaves out keys whose value is undefined, so absent and undefined agree', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('escapes strings as JSON does and keeps non-ASCII as is', () => {
    expect(canonicalJson({ s: 'a"b\\c\n é' })).toBe('{"s":"a\\"b\\\\c\\n é"}');
  });

  it('writes -0 as 0 and numbers in their shortest form', () => {
    expect(canonicalJson([-0, 1.5, 1e21])).toBe('[0,1.5,1e+21]');
  });

  it.each([
    ['NaN', { n: NaN }, '$.n'],
    ['Infinity', [Infinity], '$[0]'],
    ['an undefined array element', [1, undefined], '$[1]'],
    ['a function', { f: () => 1 }, '$.f'],
    ['a Date', { d: new Date(0) }, '$.d'],
  ])('rejects %s, naming where it was', (_label, value, path) => {
    expect(() => canonicalJson(value)).toThrow(path);
  });
});
