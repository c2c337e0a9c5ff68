import { withFields } from './with-fields';

describe('withFields: a spread followed by new properties, built without the slow spread', () => {
  it('Given an object and new fields, When joined, Then the keys, their order and the values are those of the spread', () => {
    const draft = { type: 'RecordReview', childId: 'c-1', effectiveDate: '2024-05-01', participation: 'PN1' };
    const joined = withFields(draft, { now: '2025-06-01T09:00:00Z', recordedBy: 'import-903' });
    const spread = { ...draft, now: '2025-06-01T09:00:00Z', recordedBy: 'import-903' };
    expect(Object.keys(joined)).toEqual(Object.keys(spread));
    expect(JSON.stringify(joined)).toBe(JSON.stringify(spread));
    expect(Object.getPrototypeOf(joined)).toBe(Object.prototype);
  });

  it('Given a field the object already has, When joined, Then the field wins at the object’s position, as in a spread', () => {
    const joined = withFields({ a: 1, b: 2, c: 3 }, { b: 20, d: 4 });
    expect(Object.entries(joined)).toEqual([
      ['a', 1],
      ['b', 20],
      ['c', 3],
      ['d', 4],
    ]);
  });

  it('Given the inputs, When joined, Then neither is changed and the result shares nested values as a spread does', () => {
    const nested = { file: 'Header.csv', line: 2 };
    const base = { child: 'C1', src: nested };
    const fields = { dob: '2010-01-01' };
    const joined = withFields(base, fields);
    expect(base).toEqual({ child: 'C1', src: nested });
    expect(fields).toEqual({ dob: '2010-01-01' });
    expect(joined.src).toBe(nested);
    expect(joined).not.toBe(base);
  });

  it('Given an own __proto__ key or a symbol key, When joined, Then both stay own properties, as in a spread (Object.assign would set the prototype)', () => {
    const tag = Symbol('tag');
    const odd = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    const joined = withFields(odd, { [tag]: 'kept', y: 2 });
    const spread = { ...odd, [tag]: 'kept', y: 2 };
    expect(Object.getPrototypeOf(joined)).toBe(Object.prototype);
    expect(Object.hasOwn(joined, '__proto__')).toBe(true);
    expect(Object.keys(joined)).toEqual(Object.keys(spread));
    expect((joined as Record<symbol, unknown>)[tag]).toBe('kept');
    expect((joined as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
