import type { HeadAnchor, StreamTip } from './anchor-format';
import { readHeadAnchor } from './read-anchor';
import { tipsDigest } from './tips-digest';

const H = (c: string): string => c.repeat(64);
const TIPS: StreamTip[] = [
  ['access-log-2026-01-05', '1', H('a')],
  ['journey-c1', '3', H('b')],
  ['journey-c2', '0', null],
];
const valid = (): HeadAnchor => ({
  format: 'care-journey/head-anchor',
  version: 1,
  takenAt: '2026-01-06T09:00:00.000Z',
  takenBy: 'auditor.one',
  position: '15',
  events: 15,
  streams: 3,
  digest: { alg: 'sha256', value: tipsDigest(TIPS) },
  tips: TIPS,
});
const problemsOf = (value: unknown): string[] => {
  const read = readHeadAnchor(value);
  return 'problems' in read ? read.problems : [];
};

describe('reading an anchor file', () => {
  it('accepts a well-formed anchor, with or without tips', () => {
    expect(readHeadAnchor(valid())).toEqual({ anchor: valid() });
    const { tips: _tips, ...withoutTips } = valid();
    expect(problemsOf(withoutTips)).toEqual([]);
    expect(
      problemsOf({
        ...valid(),
        position: null,
        events: 0,
        streams: 0,
        tips: [],
        digest: { alg: 'sha256', value: tipsDigest([]) },
      }),
    ).toEqual([]);
  });

  it.each([
    ['not an object', [], ['the anchor must be a JSON object']],
    [
      'another format',
      { ...valid(), format: 'care-journey/audit-bundle' },
      ['format: must be "care-journey/head-anchor"'],
    ],
    ['another version', { ...valid(), version: 3 }, ['version: must be 1 or 2']],
    [
      'a date for takenAt',
      { ...valid(), takenAt: '2026-01-06' },
      ['takenAt: must be an ISO-8601 instant with a zone'],
    ],
    [
      'no digest',
      { ...valid(), digest: undefined },
      ['digest: must be an object { alg: "sha256", value: 64 hex digits }'],
    ],
    ['no takenBy', { ...valid(), takenBy: '' }, ['takenBy: must be a non-empty string']],
    [
      'a number for position',
      { ...valid(), position: 15 },
      ['position: must be a global position as a decimal string, or null for an empty log'],
    ],
    ['a negative count', { ...valid(), events: -1 }, ['events: must be a whole number ≥ 0']],
    [
      'events in an empty log',
      { ...valid(), position: null },
      ['events: must be 0 when position is null (an empty log)'],
    ],
    [
      'a short digest',
      { ...valid(), digest: { alg: 'sha256', value: 'abc' } },
      ['digest.value: must be 64 lowercase hex digits'],
    ],
    [
      'another digest alg',
      { ...valid(), digest: { ...valid().digest, alg: 'md5' } },
      ['digest.alg: must be "sha256"'],
    ],
    [
      'an unknown field',
      { ...valid(), head: '15' },
      [
        'head: not a field of a head anchor (format, version, takenAt, takenBy, position, events, streams, digest, tips, signature)',
      ],
    ],
    [
      'a signature without a value',
      { ...valid(), signature: { alg: 'HMAC-SHA256', keyId: 'k' } },
      ['signature: must be an object with string alg, keyId and value'],
    ],
    [
      'tips not an array',
      { ...valid(), tips: {} },
      ['tips: must be an array of [streamId, revision, hash] triples'],
    ],
    [
      'a tip with a number revision',
      { ...valid(), tips: [TIPS[0], ['journey-c1', 3, H('b')], TIPS[2]] },
      ['tips[1]: revision must be a decimal string'],
    ],
    [
      'a tip with a bad hash',
      { ...valid(), tips: [TIPS[0], ['journey-c1', '3', 'B'.repeat(64)], TIPS[2]] },
      ['tips[1]: hash must be 64 lowercase hex digits, or null'],
    ],
    [
      'tips out of order',
      { ...valid(), tips: [TIPS[1], TIPS[0], TIPS[2]] },
      ['tips[1]: must come after "journey-c1" (tips are in ascending streamId order, one per stream)'],
    ],
    [
      'a stream left out of the tips',
      { ...valid(), tips: TIPS.slice(1) },
      ['tips: holds 2 streams, but streams says 3'],
    ],
    [
      'a tip changed',
      { ...valid(), tips: [TIPS[0], ['journey-c1', '2', H('b')], TIPS[2]] },
      ['tips: do not hash to digest.value (the anchor was changed after it was taken)'],
    ],
  ])('refuses %s, naming the field and the rule', (_name, value, problems) => {
    expect(problemsOf(value)).toEqual(problems);
  });

  it('names the first ten malformed tips of a damaged list, then counts the rest', () => {
    const problems = problemsOf({ ...valid(), streams: 25, tips: Array.from({ length: 25 }, () => ['x']) });
    expect(problems).toHaveLength(11);
    expect(problems[10]).toBe('tips: 15 more entries are malformed');
  });
});
