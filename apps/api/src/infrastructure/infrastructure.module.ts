import { Global, Module } from '@nestjs/common';
import type { EventStore, StoreWriterGone } from '@care-journey/event-store';
import { Clock } from './clock';
import { EVENT_STORE, EventStoreCloser, eventStoreProvider } from './event-store.provider';
import { StoreOutage } from './store-outage';

/** The event store, its outage record (readiness) and the clock, shared by every module (commands, queries, projections). */
@Global()
@Module({
  providers: [
    eventStoreProvider,
    EventStoreCloser,
    Clock,
    {
      provide: StoreOutage,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => {
        // Only the SQLite store's writer thread can die on its own, so this is not on the port.
        const { writerGone } = store as Partial<{ writerGone(): StoreWriterGone | undefined }>;
        return new StoreOutage(
          () => store.headPosition(),
          undefined,
          undefined,
          writerGone === undefined ? undefined : () => writerGone.call(store),
        );
      },
    },
  ],
  exports: [EVENT_STORE, Clock, StoreOutage],
})
export class InfrastructureModule {}
