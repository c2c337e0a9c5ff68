import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { createEventStore, type EventStore } from '@care-journey/event-store';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/** Injection token for the configured `EventStore` (one per app, closed on shutdown). */
export const EVENT_STORE = Symbol('EVENT_STORE');

export const eventStoreProvider: Provider = {
  provide: EVENT_STORE,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig): Promise<EventStore> => createEventStore(config.store),
};

/** Closes the store when Nest shuts down, so SQLite checkpoints its WAL and releases the file. */
@Injectable()
export class EventStoreCloser implements OnApplicationShutdown {
  private readonly logger = new Logger('EventStore');

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.store.close();
    } catch (error) {
      this.logger.error(`Closing the event store failed: ${String(error)}`);
    }
  }
}
