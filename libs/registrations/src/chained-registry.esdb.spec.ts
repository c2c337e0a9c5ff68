/**
 * The registries' chained appends through the EventStoreDB adapter (over the in-process client the
 * contract suites use): the stamp is stored in the metadata and read back as written, so each
 * registry stream verifies there as on SQLite (review s18-es F4).
 */
import { verifyChain } from '@care-journey/audit';
import type { RecordedEvent } from '@care-journey/event-store';
import { childRefStream } from '@care-journey/journey';
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
});
