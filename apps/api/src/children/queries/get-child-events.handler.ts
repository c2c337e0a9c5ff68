import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { StreamNotFound, toJsonSafe, type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { journeyStream } from '@care-journey/journey';
import { EVENT_STORE } from '../../infrastructure/event-store.provider';
import { ChildNotFound } from '../application-errors';
import type { EventsPage } from './events-page';
import { GetChildEventsQuery } from './get-child-events.query';

/** Pages by stream revision: page n of size s starts at revision (n-1)·s, so pages are stable as the stream grows. */
@QueryHandler(GetChildEventsQuery)
export class GetChildEventsHandler implements IQueryHandler<GetChildEventsQuery, EventsPage> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ childId, page, pageSize }: GetChildEventsQuery): Promise<EventsPage> {
    const stream = journeyStream(childId);
    const last = await this.lastRevision(stream, childId);
    const from = BigInt(page - 1) * BigInt(pageSize);
    const items: EventsPage['items'] = [];
    if (from <= last) {
      for await (const event of this.store.readStream(stream, { fromRevision: from, maxCount: pageSize })) {
        items.push(toItem(event));
      }
    }
    const total = last + 1n;
    return {
      childId,
      page,
      pageSize,
      totalEvents: total.toString(),
      revision: last.toString(),
      nextPage: from + BigInt(pageSize) < total ? page + 1 : null,
      items,
    };
  }

  private async lastRevision(stream: string, childId: string): Promise<bigint> {
    try {
      for await (const event of this.store.readStream(stream, { direction: 'backwards', maxCount: 1 }))
        return event.revision;
    } catch (error) {
      if (error instanceof StreamNotFound) throw new ChildNotFound(childId);
      throw error;
    }
    throw new ChildNotFound(childId);
  }
}

const toItem = (event: RecordedEvent): EventsPage['items'][number] => ({
  id: event.id,
  type: event.type,
  revision: event.revision.toString(),
  globalPosition: event.globalPosition.toString(),
  data: event.data,
  // Metadata may grow fields (e.g. the audit chain); make sure none breaks JSON.
  metadata: toJsonSafe(event.metadata) as Record<string, unknown>,
});
