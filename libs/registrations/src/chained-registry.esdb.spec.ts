/**
 * The registries' chained appends through the EventStoreDB adapter (over the in-process client the
 * contract suites use): the stamp is stored in the metadata and read back as written, so each
 * registry stream verifies there as on SQLite (review s18-es F4).
 */
import { verifyChain } from '@care-journey/audit';
import type { RecordedEvent } from '@care-journey/event-store';
import { childRefStream, journeyStream } from '@care-journey/journey';
import { EventStoreDbEventStore } from '../../event-store/src/eventstoredb/esdb-event-store';
import { InProcessEsdbClient } from '../../event-store/src/eventstoredb/testing/in-process-esdb-client.spec-helper';
import { ChildRefRegistry } from './child-ref-registry';
import { UpnRegistry, upnStream } from './upn-registry';

const recording = (at: string) => ({ recordedAt: at, recordedBy: 'sw.one' });

describe('registry streams chained on EventStoreDB (in-process client)', () => {
  it('Given a reference reserved, released and reserved again, and a UPN held, Then both streams verify from revision 0', async () => {
    const store = new EventStoreDbEventStore(new InProcessEsdbClient());
    try {
      const refs = new ChildRefRegistry(store);
      expect(await refs.reserve('C1', 'ghost', recording('2026-01-05T09:00:00.000Z'))).toBe(true);
      await refs.release('C1', 'registration never sent', recording('2026-01-05T10:00:00.000Z'));
      expect(await refs.reserve('C1', 'child-b', recording('2026-01-05T11:00:00.000Z'))).toBe(true);
      expect(
        await new UpnRegistry(store).hold('A123456789012', 'child-b', recording('2026-01-05T11:00:00.000Z')),
      ).toBe(true);

      const read = async (stream: string) => {
        const events: RecordedEvent[] = [];
        for await (const event of store.readStream(stream)) events.push(event);
        return events;
      };
      expect(verifyChain(await read(childRefStream('C1')))).toMatchObject({ ok: true, checked: 3 });
      expect(verifyChain(await read(upnStream('A123456789012')))).toMatchObject({ ok: true, checked: 1 });
    } finally {
      await store.close();
    }
  });

  it('Given an amendment’s reservations released again (its append refused) and an admin’s release of a registered child’s never-carried reference, Then each release is chained, and one its journey carries is refused', async () => {
    const store = new EventStoreDbEventStore(new InProcessEsdbClient());
    try {
      const at = recording('2026-01-05T09:00:00.000Z');
      await store.appendToStream(
        journeyStream('child-a'),
        [
          {
            id: '7d1f6c2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f',
            type: 'ChildRegistered',
            data: { childId: 'child-a', childRef: 'C1', upn: 'A100000000001' },
            metadata: { ...at, schemaVersion: 1 },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
      const refs = new ChildRefRegistry(store);
      const upns = new UpnRegistry(store);
      await refs.reserve('C1', 'child-a', at);
      const ref = await refs.claim('C9', 'child-a', at);
      const upn = await upns.claim('A100000000009', 'child-a', at);
      expect(ref).toEqual({ held: true, reservedAt: 0n });
      expect(upn).toEqual({ held: true, reservedAt: 0n });

      expect(await refs.releaseUnrecorded('C9', 'child-a', 0n, 'refused', at)).toBe(true);
      expect(await upns.releaseUnrecorded('A100000000009', 'child-a', 0n, 'refused', at)).toBe(true);
      await refs.reserve('C8', 'child-a', at);
      const settled = recording('2026-01-05T09:10:00.000Z'); // the hold's 10-minute settle window is over
      await expect(refs.release('C8', 'amendment never recorded', settled)).resolves.toMatchObject({
        holderRegistered: true,
      });
      await expect(refs.release('C1', 'mistake', at)).rejects.toMatchObject({
        rule: 'child-ref-holder-registered',
      });

      const read = async (stream: string) => {
        const events: RecordedEvent[] = [];
        for await (const event of store.readStream(stream)) events.push(event);
        return events;
      };
      for (const stream of [childRefStream('C9'), childRefStream('C8'), upnStream('A100000000009')])
        expect(verifyChain(await read(stream))).toMatchObject({ ok: true, checked: 2 });
      expect(await upns.hold('A100000000009', 'child-b', at)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
