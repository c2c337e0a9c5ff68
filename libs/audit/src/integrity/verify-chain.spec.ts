import { extendStream, stampedStream } from '../testing/stamped-stream';
import type { NewEvent, RecordedEvent } from '../store';
import { chainEvents, chainTipAfter } from './chain-events';
import { hashEvent } from './hash-event';
import { GENESIS_HASH } from './integrity-stamp';
import { verifyChain } from './verify-chain';

const event = (n: number, extra: Partial<NewEvent['metadata']> = {}): NewEvent => ({
  id: `e${n}`,
  type: 'StatutoryReviewHeld',
  data: { childId: 'c1', effectiveDate: `2025-01-0${n + 1}`, participation: 'PN1' },
  metadata: {
    recordedAt: `2025-02-0${n + 1}T10:00:00.000Z`,
    recordedBy: 'sw-1',
    schemaVersion: 1,
    correlationId: `k${n}`,
    ...extra,
  },
});

const stream = (): RecordedEvent[] =>
  stampedStream('journey-c1', [event(0), event(1), event(2, { source: 'import' })]);
const clone = (events: RecordedEvent[]): RecordedEvent[] => structuredClone(events);

describe('hash chain', () => {
  it('Given a freshly stamped stream, verification passes every event and reports the head', () => {
    const events = stream();
    const result = verifyChain(events);
    expect(result).toEqual({
      ok: true,
      checked: 3,
      head: (events[2].metadata['integrity'] as { hash: string }).hash,
    });
  });

  it('links revision 0 to the genesis hash and each later event to the one before', () => {
    const [a, b] = stream();
    expect(a.metadata['integrity']).toMatchObject({ v: 1, alg: 'sha256', prev: GENESIS_HASH });
    expect((b.metadata['integrity'] as { prev: string }).prev).toBe(
      (a.metadata['integrity'] as { hash: string }).hash,
    );
  });

  it('hashes are sha256 hex and do not depend on key order', () => {
    const e = {
      id: 'x',
      streamId: 's',
      revision: 0n,
      type: 'T',
      data: { b: 1, a: 2 },
      metadata: { recordedBy: 'u', recordedAt: 't', schemaVersion: 1 },
    };
    const reordered = {
      ...e,
      data: { a: 2, b: 1 },
      metadata: { schemaVersion: 1, recordedAt: 't', recordedBy: 'u' },
    };
    expect(hashEvent(GENESIS_HASH, e)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashEvent(GENESIS_HASH, e)).toBe(hashEvent(GENESIS_HASH, reordered));
  });

  it('continues a chain across appends (chainTipAfter the stored last event)', () => {
    const first = stream();
    const more = chainEvents(chainTipAfter('journey-c1', first[2]), [event(3)]).map((e) => ({
      ...e,
      streamId: 'journey-c1',
      revision: 3n,
      globalPosition: 9n,
    }));
    expect(verifyChain([...first, ...more]).ok).toBe(true);
  });

  it('does not modify the events it stamps', () => {
    const input = [event(0)];
    chainEvents(chainTipAfter('journey-c1', undefined), input);
    expect(input[0].metadata['integrity']).toBeUndefined();
  });

  // Every field the chain covers, changed on the middle event: verification must stop there.
  const edits: [string, (e: RecordedEvent) => void][] = [
    ['id', (e) => (e.id = 'e9')],
    ['type', (e) => (e.type = 'PermanencePlanSet')],
    ['data field', (e) => (e.data['participation'] = 'PN2')],
    ['data added key', (e) => (e.data['extra'] = 1)],
    ['effectiveDate', (e) => (e.data['effectiveDate'] = '2024-12-31')],
    ['recordedAt', (e) => (e.metadata.recordedAt = '2025-02-02T10:00:00.001Z')],
    ['recordedBy', (e) => (e.metadata.recordedBy = 'sw-2')],
    ['correlationId', (e) => (e.metadata.correlationId = 'other')],
    ['causationId added', (e) => (e.metadata.causationId = 'c')],
    ['schemaVersion', (e) => (e.metadata.schemaVersion = 2)],
    ['other metadata added', (e) => (e.metadata['note'] = 'x')],
    ['stamp hash', (e) => ((e.metadata['integrity'] as { hash: string }).hash = 'f'.repeat(64))],
    ['stamp prev', (e) => ((e.metadata['integrity'] as { prev: string }).prev = 'f'.repeat(64))],
    ['stamp alg', (e) => ((e.metadata['integrity'] as { alg: string }).alg = 'md5')],
    ['stamp v', (e) => ((e.metadata['integrity'] as { v: number }).v = 2)],
    ['stamp removed', (e) => delete e.metadata['integrity']],
    ['streamId', (e) => (e.streamId = 'journey-c2')],
  ];

  it.each(edits)(
    'Given the %s of revision 1 is changed, the first broken link is revision 1',
    (_field, edit) => {
      const events = clone(stream());
      edit(events[1]);
      const result = verifyChain(events);
      expect(result.ok).toBe(false);
      expect(result.checked).toBe(1);
      expect(result.firstBroken).toMatchObject({ revision: 1n });
    },
  );

  it('names the event and says why when content was edited', () => {
    const events = clone(stream());
    events[1].data['participation'] = 'PN7';
    expect(verifyChain(events).firstBroken).toEqual({
      revision: 1n,
      eventId: 'e1',
      reason: expect.stringContaining('hash does not match'),
    });
  });

  it('Given an event was deleted, the gap is reported at the event after it', () => {
    const events = stream();
    const result = verifyChain([events[0], events[2]]);
    expect(result.firstBroken).toMatchObject({
      revision: 2n,
      eventId: 'e2',
      reason: expect.stringContaining('missing'),
    });
  });

  it('Given an edited event was re-hashed to hide it, the next event exposes it', () => {
    const events = clone(stream());
    events[1].data['participation'] = 'PN7';
    const rehashed = chainEvents(chainTipAfter('journey-c1', events[0]), [events[1]])[0];
    events[1].metadata = rehashed.metadata;
    expect(verifyChain(events).firstBroken).toMatchObject({
      revision: 2n,
      reason: expect.stringContaining('prev does not match'),
    });
  });

  it('Given the first event does not start at genesis, revision 0 is reported', () => {
    const events = clone(stream());
    (events[0].metadata['integrity'] as { prev: string }).prev = 'a'.repeat(64);
    expect(verifyChain(events).firstBroken).toMatchObject({
      revision: 0n,
      reason: 'first event does not link to the genesis hash',
    });
  });

  it("Given a list mixing two streams' events (revision 0 of one, revision 1 of another), When it is verified, Then the second event is reported as from another stream, named", () => {
    const [first] = stream();
    const [, second] = stampedStream('journey-c2', [event(0), event(1)]);
    expect(verifyChain([first, second])).toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: {
        revision: 1n,
        eventId: 'e1',
        reason: "stream id journey-c2 differs from the stream's journey-c1",
      },
    });
  });

  it('an empty stream verifies trivially', () => {
    expect(verifyChain([])).toEqual({ ok: true, checked: 0, head: GENESIS_HASH });
  });

  describe('a stream chained since a later version (the registries, review s18-es F4): unchainedPrefix', () => {
    /** Two events written before the chain (no stamp), then two chained after them, as a registry appends. */
    const upgraded = (): RecordedEvent[] => {
      const old = [event(0), event(1)].map((e, index) => ({
        ...e,
        streamId: 'child-ref-C1',
        revision: BigInt(index),
        globalPosition: BigInt(index + 1),
      }));
      return extendStream(old, [event(2), event(3)]);
    };

    it('Given unstamped events before the first stamped one, Then they are accepted and the chain is checked from genesis after them', () => {
      const events = upgraded();
      expect(events[2].metadata['integrity']).toMatchObject({ prev: GENESIS_HASH });
      expect(verifyChain(events, { unchainedPrefix: true })).toEqual({
        ok: true,
        checked: 2,
        unchained: 2,
        head: (events[3].metadata['integrity'] as { hash: string }).hash,
      });
      // Without the option such a stream does not verify: only the registries are given it.
      expect(verifyChain(events).ok).toBe(false);
    });

    it('Given the chained part edited, or a stamp removed from its middle, Then it fails as any chain does', () => {
      const edited = clone(upgraded());
      edited[3].data['participation'] = 'PN0';
      expect(verifyChain(edited, { unchainedPrefix: true })).toMatchObject({
        ok: false,
        firstBroken: { revision: 3n, reason: expect.stringContaining('hash does not match') },
      });
      const stripped = clone(upgraded());
      delete stripped[2].metadata['integrity'];
      expect(verifyChain(stripped, { unchainedPrefix: true })).toMatchObject({
        ok: false,
        unchained: 3,
        firstBroken: {
          revision: 3n,
          reason: 'first stamped event (revision 3) does not link to the genesis hash',
        },
      });
    });

    it('Given an unstamped event missing from the start, Then the missing revision is named', () => {
      const events = upgraded().slice(1);
      expect(verifyChain(events, { unchainedPrefix: true })).toMatchObject({
        ok: false,
        unchained: 0,
        firstBroken: { revision: 1n, reason: expect.stringContaining('found where 0 was expected') },
      });
    });

    it('Given a stream wholly from before the chain, Then it verifies with no link checked', () => {
      const events = upgraded().slice(0, 2);
      expect(verifyChain(events, { unchainedPrefix: true })).toEqual({
        ok: true,
        checked: 0,
        unchained: 2,
        head: GENESIS_HASH,
      });
    });

    it("Given a stream written after the log's first stamped registry event, When its stamps are stripped, Then it is broken, not an unchained prefix (review s19-diff F4)", () => {
      const old = upgraded().slice(0, 2); // at positions 1 and 2
      expect(verifyChain(old, { unchainedPrefix: { before: 3n } })).toMatchObject({ ok: true, unchained: 2 });
      expect(verifyChain(old, { unchainedPrefix: { before: 2n } })).toMatchObject({
        ok: false,
        unchained: 1,
        firstBroken: { revision: 1n, reason: expect.stringContaining('no integrity') },
      });
    });
  });
});
