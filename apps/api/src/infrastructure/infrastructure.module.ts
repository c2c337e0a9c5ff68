import { Global, Module } from '@nestjs/common';
import { EVENT_STORE, EventStoreCloser, eventStoreProvider } from './event-store.provider';

/** The event store, shared by every module (commands, queries, projections). */
@Global()
@Module({
  providers: [eventStoreProvider, EventStoreCloser],
  exports: [EVENT_STORE],
})
export class InfrastructureModule {}
