import { Query } from '@nestjs/cqrs';
import type { EventsPage } from './events-page';

export class GetChildEventsQuery extends Query<EventsPage> {
  constructor(
    readonly childId: string,
    /** 1-based. */
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}
