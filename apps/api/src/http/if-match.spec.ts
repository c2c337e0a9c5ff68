import { etagFor, InvalidIfMatch, parseIfMatch } from './if-match';

describe('parseIfMatch', () => {
  it('reads no header as no assertion', () => {
    expect(parseIfMatch(undefined)).toEqual({ kind: 'none' });
    expect(parseIfMatch('  ')).toEqual({ kind: 'none' });
  });

  it('reads a quoted or bare revision exactly', () => {
    expect(parseIfMatch('"3"')).toEqual({ kind: 'revision', revision: 3n });
    expect(parseIfMatch('0')).toEqual({ kind: 'revision', revision: 0n });
    expect(parseIfMatch(' "9007199254740993" ')).toEqual({ kind: 'revision', revision: 9007199254740993n });
  });

  it('reads * as "any existing revision"', () => {
    expect(parseIfMatch('*')).toEqual({ kind: 'any' });
  });

  it.each(['W/"3"', '"3", "4"', '"abc"', '-1', '03', '"3', '1.5'])('refuses %s', (value) => {
    expect(() => parseIfMatch(value)).toThrow(InvalidIfMatch);
  });

  it('refuses a repeated header', () => {
    expect(() => parseIfMatch(['"1"', '"2"'])).toThrow(InvalidIfMatch);
  });

  it('round-trips with etagFor', () => {
    expect(parseIfMatch(etagFor(42n))).toEqual({ kind: 'revision', revision: 42n });
  });
});
