import type { RecordedEvent } from './event-store.port';
import {
  appendResultFromJson,
  bigintFromJson,
  bigintReplacer,
  fromJsonSafe,
  recordedEventFromJson,
  recordedEventToJson,
  toJsonSafe,
} from './envelope-json';

const event: RecordedEvent = {
  id: '0b6f8c1e-0000-4000-8000-000000000001',
  type: 'ChildEnteredCare',
  data: { childId: 'c-1', revision: 'not a bigint: data is left alone' },
  metadata: { recordedAt: '2024-01-01T00:00:00.000Z', recordedBy: 'sw-1', schemaVersion: 1 },
  streamId: 'child-c-1',
  revision: 9_007_199_254_740_993n, // 2^53 + 1: a number would lose the last digit
  globalPosition: 18_446_744_073_709_551_615n,
};

describe('envelope JSON', () => {
  it('round-trips a recorded event through JSON.stringify/parse without losing digits', () => {
    const text = JSON.stringify(recordedEventToJson(event));
    expect(text).toContain('"revision":"9007199254740993"');
    expect(recordedEventFromJson(JSON.parse(text))).toEqual(event);
  });

  it('converts bigints at any depth to decimal strings', () => {
    expect(toJsonSafe({ a: [1n, { b: -2n }], c: 'x', d: null })).toEqual({
      a: ['1', { b: '-2' }],
      c: 'x',
      d: null,
    });
  });

  it('offers a replacer for stringifying whole envelopes', () => {
    expect(JSON.stringify({ position: 5n, n: 1 }, bigintReplacer)).toBe('{"position":"5","n":1}');
  });

  it('round-trips an append result', () => {
    const json = JSON.parse(JSON.stringify(toJsonSafe({ nextExpectedRevision: 0n, globalPosition: 12n })));
    expect(appendResultFromJson(json)).toEqual({ nextExpectedRevision: 0n, globalPosition: 12n });
  });

  it('leaves absent fields absent', () => {
    expect(fromJsonSafe<{ fromPosition?: bigint; x: number }>({ x: 1 })).toEqual({ x: 1 });
  });

  it.each([['12.5'], ['1e3'], [''], ['0x10'], [12], [null], ['007']])(
    'refuses %p as a bigint, naming the field',
    (value) => {
      expect(() => bigintFromJson(value, 'globalPosition')).toThrow(
        /globalPosition must be a decimal integer string/,
      );
    },
  );
});
