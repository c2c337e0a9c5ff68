import type { RecordedEvent } from '@care-journey/event-store';
import { KeyedOutcomesFold, NO_KEYED_OUTCOMES, outcomeKey } from './keyed-outcomes';

const event = (revision: bigint, id: string, metadata: Record<string, unknown> = {}): RecordedEvent => ({
  streamId: 'journey-c1',
  revision,
  globalPosition: revision + 100n,
  id,
  type: 'StatutoryReviewHeld',
  data: {},
  metadata: { recordedAt: '2024-01-10T10:00:00Z', recordedBy: 'alice', schemaVersion: 1, ...metadata },
});
const keyed = (key: string, requestHash = 'h') => ({ idempotency: { key, requestHash } });

describe('KeyedOutcomesFold', () => {
  it('gathers the consecutive events of one keyed command into its outcome; unkeyed events add nothing', () => {
    const fold = new KeyedOutcomesFold();
    fold.add(event(0n, 'e0'));
    fold.add(event(1n, 'e1', keyed('k')));
    fold.add(event(2n, 'e2', keyed('k')));
    expect([...fold.result]).toEqual([
      [
        outcomeKey('alice', 'k'),
        {
          requestHash: 'h',
          events: [
            { id: 'e1', type: 'StatutoryReviewHeld' },
            { id: 'e2', type: 'StatutoryReviewHeld' },
          ],
          revision: 2n,
          globalPosition: 102n,
        },
      ],
    ]);
  });

  it('keeps the first outcome if a key ever appears again later in the stream', () => {
    const fold = new KeyedOutcomesFold();
    fold.add(event(1n, 'e1', keyed('k')));
    fold.add(event(2n, 'e2'));
    fold.add(event(3n, 'e3', keyed('k', 'other')));
    expect(fold.result.get(outcomeKey('alice', 'k'))).toMatchObject({ revision: 1n, events: [{ id: 'e1' }] });
  });

  it('never changes the map it started from (a cached fold may share it)', () => {
    const first = new KeyedOutcomesFold();
    first.add(event(1n, 'e1', keyed('k')));
    const shared = first.result;
    const next = new KeyedOutcomesFold(shared);
    next.add(event(2n, 'e2', keyed('k2')));
    expect([...shared.keys()]).toEqual([outcomeKey('alice', 'k')]);
    expect(next.result.size).toBe(2);
    expect(new KeyedOutcomesFold().result).toBe(NO_KEYED_OUTCOMES);
    expect(NO_KEYED_OUTCOMES.size).toBe(0);
  });
});
