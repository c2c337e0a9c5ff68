import { findJsonProblem } from './json-guard';

const limits = { maxDepth: 4, maxStringLength: 10, maxMembers: 3 };
const problem = (text: string) => findJsonProblem(text, limits);

describe('findJsonProblem', () => {
  it.each([
    '{}',
    '[]',
    '{"a":1,"b":[1,2,3],"c":{"d":"0123456789"}}',
    '{"a":"x\\"y","b":"{[,,,]}"}',
    ' { "a" : [ { "b" : null } ] } ',
  ])('passes well-formed bodies within the limits: %s', (text) => {
    expect(problem(text)).toBeUndefined();
  });

  it('Given keys spelt plainly and with escapes (non-ASCII, a quote, a backslash), When both are in one object, Then they are the same key', () => {
    expect(problem('{"é":1,"\\u00e9":2}')).toMatchObject({ field: 'é', rule: 'duplicateKey' });
    expect(problem('{"a\\"b":1,"a\\u0022b":2}')).toMatchObject({ field: 'a"b', rule: 'duplicateKey' });
    expect(problem('{"a\\\\b":1,"a\\u005cb":2}')).toMatchObject({ field: 'a\\b', rule: 'duplicateKey' });
    expect(findJsonProblem('{"\\u0063onstructor":1}')).toMatchObject({
      field: 'constructor',
      rule: 'forbiddenKey',
    });
    expect(problem('{"prototype":1}')).toMatchObject({ field: 'prototype', rule: 'forbiddenKey' });
  });

  it('finds duplicate keys, also when spelt with escapes, and names the field', () => {
    expect(problem('{"a":{"b":1,"b":2}}')).toMatchObject({ field: 'a.b', rule: 'duplicateKey' });
    expect(problem('{"ab":1,"\\u0061b":2}')).toMatchObject({ field: 'ab', rule: 'duplicateKey' });
    expect(problem('[{"a":1},{"a":1}]')).toBeUndefined();
  });

  it('refuses prototype keys', () => {
    expect(problem('{"__proto__":{"x":1}}')).toMatchObject({
      rule: 'forbiddenKey',
      message: '__proto__ is not allowed: the keys __proto__, constructor and prototype are refused',
    });
    expect(findJsonProblem('{"a":{"constructor":{"prototype":1}}}')).toMatchObject({
      field: 'a.constructor',
      rule: 'forbiddenKey',
    });
  });

  it('refuses deep nesting, long strings and too many members with their path', () => {
    expect(problem('{"a":{"b":{"c":{"d":{}}}}}')).toMatchObject({ field: 'a.b.c.d', rule: 'maxDepth' });
    expect(problem('[[[[[1]]]]]')).toMatchObject({ rule: 'maxDepth' });
    expect(problem('{"a":[1,"01234567890"]}')).toMatchObject({ field: 'a[1]', rule: 'maxStringLength' });
    expect(problem('{"01234567890":1}')).toMatchObject({ rule: 'maxStringLength' });
    expect(problem('{"a":[1,2,3,4]}')).toMatchObject({ field: 'a', rule: 'maxMembers' });
    expect(problem('{"a":1,"b":2,"c":3,"d":4}')).toMatchObject({ field: '(body)', rule: 'maxMembers' });
  });

  it('stays linear on a body of a million brackets', () => {
    const started = Date.now();
    expect(findJsonProblem('['.repeat(1_000_000))).toMatchObject({ rule: 'maxDepth' });
    expect(findJsonProblem(`"${'x'.repeat(1_000_000)}"`)).toMatchObject({ rule: 'maxStringLength' });
    // A generous bound, not a figure: one linear pass takes a few ms, a scan quadratic in the
    // length ~10^12 steps (hours). 30 s tells them apart at any load; 2 s could fail a linear pass
    // on a loaded CI machine (a GC pause, the core taken) for nothing it did.
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
