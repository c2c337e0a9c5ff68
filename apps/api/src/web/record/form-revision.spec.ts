import { carriedRevision, formRevision } from './form-revision';

describe('formRevision', () => {
  it('reads the hidden revision as If-Match', () => {
    expect(formRevision('7')).toEqual({ kind: 'revision', revision: 7n });
    expect(formRevision(' 0 ')).toEqual({ kind: 'revision', revision: 0n });
  });

  it('turns a missing or unreadable revision into one no journey has, so the form is refused as stale', () => {
    for (const value of [undefined, '', '-1', '07', 'abc', ['1', '2'], '99999999999999999999'])
      expect(formRevision(value)).toEqual({ kind: 'revision', revision: -1n });
  });

  it('carries the submitted revision into a refilled form, an unreadable one as -1 (stale on the next send)', () => {
    expect(carriedRevision('12')).toBe('12');
    expect(carriedRevision('abc')).toBe('-1');
    expect(formRevision(carriedRevision('abc'))).toEqual({ kind: 'revision', revision: -1n });
  });
});
