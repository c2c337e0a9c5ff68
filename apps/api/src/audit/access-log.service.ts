import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_LOG_STREAM_PREFIX,
  CASE_HISTORY_READ,
  matchesAccessLogFilter,
  toAccessLogEntry,
  type AccessLogEntry,
  type AccessLogFilter,
} from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** Lists the read-access trail from the event log, oldest first. */
@Injectable()
export class AccessLogService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async list(filter: AccessLogFilter): Promise<AccessLogEntry[]> {
    const entries: AccessLogEntry[] = [];
    const events = this.store.readAll({
      filter: { streamPrefixes: [ACCESS_LOG_STREAM_PREFIX], eventTypes: [CASE_HISTORY_READ] },
    });
    for await (const event of events) {
      const entry = toAccessLogEntry(event);
      if (matchesAccessLogFilter(entry, filter)) entries.push(entry);
    }
    return entries;
  }
}
