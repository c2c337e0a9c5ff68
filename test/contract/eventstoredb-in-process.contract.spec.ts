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
  return Promise.resolve({
    open: async () => {
      const store = new EventStoreDbEventStore(new InProcessEsdbClient(log), {
        initialDelayMs: 10,
        maxDelayMs: 100,
      });
      stores.push(store);
      return store;
    },
    dispose: async () => {
      await Promise.all(stores.map((store) => store.close()));
    },
  });
}

eventStoreContract('EventStoreDB adapter over an in-process client', {
  fixture: inProcessFixture,
  onlyIfAtomic: false,
});
