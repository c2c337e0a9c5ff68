/**
 * canonicalJson and hashEvent write through a sorted copy and one JSON.stringify; these check them
 * against the definitions, written out plainly here, on random values: odd keys (integer-like,
 * __proto__, empty, non-ASCII), bigints, undefined values, nesting.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';
import { hashEvent, hashPreimage, type HashableEvent } from './hash-event';

/** The definition: keys sorted by code units, undefined values left out, bigints as decimal strings. */
function byDefinition(value: unknown): string {
  if (typeof value === 'bigint') return JSON.stringify(value.toString(10));
  if (Array.isArray(value)) return `[${value.map(byDefinition).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${byDefinition(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const key = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('0', '1', '10', '9', '01', '-1', '4294967295', '__proto__', '', 'é', 'Z', 'a'),
);
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
);
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('any'), { maxLength: 4 }),
  // JSON.parse makes own __proto__ keys, as data read back from a store would have.
  object: fc
    .dictionary(key, fc.oneof(tie('any'), fc.constant(undefined)), { maxKeys: 5 })
    .map((record) => withOwnProtoKey(record)),
}));

function withOwnProtoKey(record: Record<string, unknown>): Record<string, unknown> {
  if (!Object.prototype.hasOwnProperty.call(record, '__proto__')) return record;
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) Object.defineProperty(copy, k, { value: v, enumerable: true });
  return copy;
}

describe('canonicalJson, on random values', () => {
  it('gives the definition, whatever the keys', () => {
    fc.assert(
      fc.property(value.any, (v) => {
        expect(canonicalJson(v)).toBe(byDefinition(v));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('hashEvent, on random events', () => {
  const event = fc.record({
    id: fc.string({ minLength: 1, maxLength: 8 }),
    streamId: fc.string({ minLength: 1, maxLength: 8 }),
    revision: fc.bigInt({ min: 0n, max: 2n ** 64n }),
    type: fc.string({ minLength: 1, maxLength: 8 }),
    data: value.object,
    // No __proto__ among metadata keys: hashPreimage (the definition) copies them by assignment.
    metadata: value.object.filter((m) => !Object.prototype.hasOwnProperty.call(m, '__proto__')),
  });
  it('is sha256 of the canonical JSON of the preimage', () => {
    fc.assert(
      fc.property(event, fc.string({ minLength: 1, maxLength: 64 }), (e: HashableEvent, prev) => {
        const expected = createHash('sha256')
          .update(byDefinition(hashPreimage(prev, e)), 'utf8')
          .digest('hex');
        expect(hashEvent(prev, e)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
