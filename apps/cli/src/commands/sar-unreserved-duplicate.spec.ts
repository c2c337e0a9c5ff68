/**
 * `sar --child-ref` / `--upn` reads every registration and correction in the log, not the value's
 * registry stream (s20 review F1): dev builds imported, seeded and amended without reserving after
 * the registries began, so a stream can name one child while another journey carries the value.
 */
import type { NewEvent } from '@care-journey/event-store';
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import { ChildRefRegistry, UpnRegistry } from '@care-journey/registrations';
import { useTempSqliteStore } from '../../../../libs/event-store/src/testing/temp-sqlite-store.spec-helper';
import { findSubject } from './sar-subject';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'sw' };
/** An admin releases a hold only once it is past the 10-minute settle window. */
const afterSettling = { ...recording, recordedAt: '2025-01-10T09:11:00.000Z' };
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

describe('sar finds the child by reference or UPN in every registration, not through the registry', () => {
  const db = useTempSqliteStore('cj-sar-unreserved-', { synchronous: 'NORMAL' });
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

  /** As a dev-build import, seed or amendment wrote it: the journey carries the value, no stream names the child. */
  const unreserved = (childId: string, childRef: string, upn: string, more: NewEvent[] = []) =>
    store.appendToStream(journeyStream(childId), [registered(childId, childRef, upn), ...more], {
      expectedRevision: 'no_stream',
    });

  it('Given a child registered with reservations and another imported later with the same UPN and no reservation, When found by UPN, Then both are named and nothing is chosen', async () => {
    await child('x', 'R1', 'A100000000001');
    await unreserved('y', 'R2', 'A100000000001');

    await expect(findSubject(store, { flag: '--upn', upn: 'A100000000001' })).rejects.toThrow(
      /2 children have or had the UPN A100000000001 \(x, y\)/,
    );
  });

  it('Given a reference a later amendment carried without reserving it, When found by reference, Then both children are named', async () => {
    await child('x', 'R1', 'A100000000001');
    await child('y', 'R2', 'A100000000002', [amended('y', { childRef: 'R1' })]);

    await expect(findSubject(store, { flag: '--child-ref', childRef: 'R1' })).rejects.toThrow(
      /2 children have or had the 903 reference R1 \(x, y\)/,
    );
  });

  it('Given a reference corrected away (reserved for the child by its amendment) and an id that held the stream and never became a child, Then the corrected-away value is still refused and the ghost is no candidate', async () => {
    await new ChildRefRegistry(store).reserve('R2', 'ghost', recording);
    await new ChildRefRegistry(store).release('R2', 'never registered', afterSettling);
    await new ChildRefRegistry(store).reserve('R9', 'b', recording);
    await child('b', 'R2', 'A100000000002', [amended('b', { childRef: 'R9' })]);

    await expect(findSubject(store, { flag: '--child-ref', childRef: 'R2' })).rejects.toThrow(
      /R2 is not child b's 903 reference now: a correction of 2025-02-01 \("mistyped"\) changed it to R9/,
    );
    expect(await findSubject(store, { flag: '--child-ref', childRef: 'R9' })).toMatchObject({ childId: 'b' });
  });

  it('Given a store with a journey from before its registries, When found by reference, Then a duplicate the registry never saw is refused', async () => {
    await unreserved('old', 'R2', 'A100000000009');
    await child('b', 'R2', 'A100000000002');

    await expect(findSubject(store, { flag: '--child-ref', childRef: 'R2' })).rejects.toThrow(
      /2 children have or had the 903 reference R2 \(old, b\)/,
    );
  });
});
