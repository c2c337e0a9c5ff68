import { Global, Module } from '@nestjs/common';
import { Clock } from './clock';
import { EVENT_STORE, EventStoreCloser, eventStoreProvider } from './event-store.provider';

/** The event store and the clock, shared by every module (commands, queries, projections). */
@Global()
@Module({
  providers: [eventStoreProvider, EventStoreCloser, Clock],
  exports: [EVENT_STORE, Clock],
})
export class InfrastructureModule {}
