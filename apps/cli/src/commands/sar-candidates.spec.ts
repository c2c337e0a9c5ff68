/**
 * `sar --child-ref` / `--upn` finds the child through the value's registry stream and the journeys
 * it names, not through every registration in the log, on a store whose registries began before
 * its first journey; a store with journeys from before them is still read whole.
 */
import type { EventStore, NewEvent, ReadAllOptions } from '@care-journey/event-store';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { childRefStream, journeyStream } from '@care-journey/journey';
import { ChildRefRegistry, UpnRegistry, upnStream } from '@care-journey/registrations';
import { useTempSqliteStore } from '../../../../libs/event-store/src/testing/temp-sqlite-store.spec-helper';
import { findSubject } from './sar-subject';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'sw' };
const metadata = { ...recording, schemaVersion: 1 };
const registered = (childId: string, childRef: string, upn: string): NewEvent => ({
  id: `${childId}-registered`,
  type: 'ChildRegistered',
  data: { childId, childRef, upn, effectiveDate: '2025-01-10' },
  metadata,
});
const amended = (childId: string, amendedData: Record<string, unknown>): NewEvent => ({
  id: `${childId}-amended`,
  type: 'EntryAmended',
  data: {
    childId,
    correctedEventId: `${childId}-registered`,
    reason: 'mistyped',
    effectiveDate: '2025-02-01',
    amendedData,
  },
  metadata,
});

/** The store, recording every read it is asked for. */
function readsOf(store: EventStore) {
  const reads: { all: ReadAllOptions[]; streams: string[] } = { all: [], streams: [] };
  const watched = new Proxy(store, {
    get(target, key, receiver) {
      if (key === 'readAll')
        return (options: ReadAllOptions = {}) => (reads.all.push(options), target.readAll(options));
      if (key === 'readStream')
        return (stream: string, ...rest: unknown[]) => {
          reads.streams.push(stream);
          return (target.readStream as (...args: unknown[]) => unknown)(stream, ...rest);
        };
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { watched, reads };
}

describe('sar finds the child by reference or UPN through the registry', () => {
  const db = useTempSqliteStore('cj-sar-candidates-', { synchronous: 'NORMAL' });
  let store: SqliteEventStore;
  beforeEach(() => (store = db.store));

  /** Registered as every writer registers: reservations first, then the journey. */
  const child = async (childId: string, childRef: string, upn: string, more: NewEvent[] = []) => {
    await new ChildRefRegistry(store).reserve(childRef, childId, recording);
    await new UpnRegistry(store).hold(upn, childId, recording);
    await store.appendToStream(journeyStream(childId), [registered(childId, childRef, upn), ...more], {
      expectedRevision: 'no_stream',
    });
  };

  it('Given a store born with its registries, When found by reference or UPN, Then only that stream and the journeys it names are read, never the whole log', async () => {
    await child('a', 'R1', 'A100000000001');
    await child('b', 'R2', 'A100000000002');
    await child('c', 'R3', 'A100000000003');
    const { watched, reads } = readsOf(store);

    expect(await findSubject(watched, { flag: '--child-ref', childRef: ' r2 ' })).toMatchObject({
      childId: 'b',
    });
    expect(await findSubject(watched, { flag: '--upn', upn: 'a100000000003' })).toMatchObject({
      childId: 'c',
    });

    expect(reads.all.every((options) => options.maxCount === 1)).toBe(true);
    expect(reads.streams).toEqual([
      childRefStream('R2'),
      journeyStream('b'),
      upnStream('A100000000003'),
      journeyStream('c'),
    ]);
  });

  it('Given a reference corrected away (reserved for the child by its amendment) and an id that held the stream and never became a child, Then the corrected-away value is still refused and the ghost is no candidate', async () => {
    await new ChildRefRegistry(store).reserve('R2', 'ghost', recording);
    await new ChildRefRegistry(store).release('R2', 'never registered', recording);
    await new ChildRefRegistry(store).reserve('R9', 'b', recording);
    await child('b', 'R2', 'A100000000002', [amended('b', { childRef: 'R9' })]);

    await expect(findSubject(store, { flag: '--child-ref', childRef: 'R2' })).rejects.toThrow(
      /R2 is not child b's 903 reference now: a correction of 2025-02-01 \("mistyped"\) changed it to R9/,
    );
    expect(await findSubject(store, { flag: '--child-ref', childRef: 'R9' })).toMatchObject({ childId: 'b' });
  });

  it('Given a store with a journey from before its registries, When found by reference, Then every registration is read, and a duplicate the registry never saw is refused', async () => {
    await store.appendToStream(journeyStream('old'), [registered('old', 'R2', 'A100000000009')], {
      expectedRevision: 'no_stream',
    });
    await child('b', 'R2', 'A100000000002');
    const { watched, reads } = readsOf(store);

    await expect(findSubject(watched, { flag: '--child-ref', childRef: 'R2' })).rejects.toThrow(
      /2 children have or had the 903 reference R2 \(old, b\)/,
    );
    expect(reads.all.some((options) => options.maxCount === undefined)).toBe(true);
  });
});
