import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { chainEvents } from './chain-events';
import { hashEvent, hashPreimage, type HashableEvent } from './hash-event';
import { GENESIS_HASH } from './integrity-stamp';

/** The definition: sha256 of the canonical JSON of the preimage object. */
const byDefinition = (prev: string, event: HashableEvent): string =>
  createHash('sha256')
    .update(canonicalJson(hashPreimage(prev, event)), 'utf8')
    .digest('hex');

const base: HashableEvent = {
  id: 'e1',
  streamId: 'journey-c1',
  revision: 3n,
  type: 'StatutoryReviewHeld',
  data: { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' },
  metadata: { recordedAt: '2024-06-04T10:00:00Z', recordedBy: 'alice', schemaVersion: 1 },
};

describe('hashEvent', () => {
  it.each<[string, HashableEvent]>([
    ['a plain event', base],
    [
      'correlation and causation ids',
      { ...base, metadata: { ...base.metadata, correlationId: 'r1', causationId: 'c0' } },
    ],
    [
      'other metadata (covered under otherMetadata)',
      { ...base, metadata: { ...base.metadata, source: 'x', z: { b: 1, a: [2] } } },
    ],
    ['an undefined other metadata key', { ...base, metadata: { ...base.metadata, source: undefined } }],
    ['a stamp in the metadata (left out)', { ...base, metadata: { ...base.metadata, integrity: { v: 1 } } }],
    ['no effective date and no recording metadata', { ...base, data: { childId: 'c1' }, metadata: {} }],
    [
      'nested data, unicode, numbers',
      { ...base, data: { é: 'ü"\n', n: [-0, 1.5, 1e21], o: { y: null, x: true } } },
    ],
    ['a large revision', { ...base, revision: 2n ** 60n }],
  ])('given %s, then it is sha256 of the canonical JSON of the preimage', (_label, event) => {
    expect(hashEvent(GENESIS_HASH, event)).toBe(byDefinition(GENESIS_HASH, event));
    expect(hashEvent('f'.repeat(64), event)).toBe(byDefinition('f'.repeat(64), event));
  });

  it('given data JSON cannot hold, then it fails naming the path, as canonicalJson does', () => {
    const event = { ...base, data: { childId: 'c1', when: new Date(0) } };
    expect(() => hashEvent(GENESIS_HASH, event)).toThrow('$.data.when');
  });
});

describe('chainEvents', () => {
  it('given events already stamped, then it re-stamps them from the tip and leaves the input untouched', () => {
    const events = [
      {
        id: 'a',
        type: 'T',
        data: { effectiveDate: '2024-01-01' },
        metadata: { recordedAt: 'x', recordedBy: 'y', schemaVersion: 1 },
      },
      { id: 'b', type: 'T', data: {}, metadata: { recordedAt: 'x', recordedBy: 'y', schemaVersion: 1 } },
    ];
    const tip = { streamId: 's', nextRevision: 0n, prevHash: GENESIS_HASH };
    const once = chainEvents(tip, events);
    const again = chainEvents(tip, once);
    expect(again).toEqual(once);
    expect(events[0].metadata).toEqual({ recordedAt: 'x', recordedBy: 'y', schemaVersion: 1 });
    expect(Object.keys(once[0].metadata)).toEqual(['recordedAt', 'recordedBy', 'schemaVersion', 'integrity']);
    const { integrity, ...rest } = once[1].metadata as Record<string, unknown>;
    const first = (once[0].metadata as unknown as { integrity: { hash: string } }).integrity.hash;
    expect(integrity).toMatchObject({
      prev: first,
      hash: byDefinition(first, {
        ...events[1],
        streamId: 's',
        revision: 1n,
        metadata: rest,
      }),
    });
  });
});
