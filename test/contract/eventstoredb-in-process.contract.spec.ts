import { CancelledError, UnavailableError } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '../../libs/event-store/src/eventstoredb/esdb-event-store';
import { InProcessEsdbClient } from '../../libs/event-store/src/eventstoredb/testing/in-process-esdb-client.spec-helper';
import { InProcessEsdbLog } from '../../libs/event-store/src/eventstoredb/testing/in-process-esdb-log.spec-helper';
import { eventStoreContract, type StoreFixture } from './event-store.contract';

/**
 * The EventStoreDB adapter against an in-process model of the server's append and read rules
 * (InProcessEsdbLog lists what it models and what it leaves out). It runs wherever the suite runs,
 * Docker or not; it does not replace eventstoredb.contract.spec.ts against a real server.
 */
function inProcessFixture(): Promise<StoreFixture> {
  const log = new InProcessEsdbLog();
  const stores: EventStoreDbEventStore[] = [];
  const clients: InProcessEsdbClient[] = [];
  let drops = 0;
  return Promise.resolve({
    open: async () => {
      // A server with KurrentDB #4970 (review s18-es F1): docker-compose's floating 24.10 tag allows one.
      const client = new InProcessEsdbClient(log, { endOfLogCheckpoint: true });
      clients.push(client);
      const store = new EventStoreDbEventStore(client, { initialDelayMs: 10, maxDelayMs: 100 });
      stores.push(store);
      return store;
    },
    // In turn: a lost connection, a server shutting down (24.4 on), the server ending the stream.
    interruptSubscriptions: () => {
      const how = [
        new UnavailableError(undefined, 'connection lost'),
        new CancelledError(undefined, 'server shutting down'),
        'end' as const,
      ][drops++ % 3];
      for (const client of clients) client.dropSubscriptions(how);
    },
    dispose: async () => {
      await Promise.all(stores.map((store) => store.close()));
    },
  });
}

eventStoreContract('EventStoreDB adapter over an in-process client', {
  fixture: inProcessFixture,
  onlyIfAtomic: false,
  interrupts: true,
  refusesUnknownPositions: true,
});
