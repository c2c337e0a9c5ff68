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
import { unknownCursorError } from '../http/unknown-cursor';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** A trail entry with its global position in the log: the cursor to resume after it. */
export type PositionedAccessLogEntry = AccessLogEntry & { position: string };

export interface AccessLogPage {
  entries: PositionedAccessLogEntry[];
  /** Pass as `after` for the next page; absent when the trail was read to its end. */
  next?: string;
}

export interface AccessLogPaging {
  /** Exclusive: entries strictly after this global position. */
  after?: bigint;
  limit: number;
}

/**
 * Trail events examined per request. With a narrow filter (one child, one day) most events do not
 * match; the page then ends here with `next`, so no request walks the whole trail.
 */
export const ACCESS_LOG_SCAN_PER_PAGE = 10_000;
/**
 * Child ids named per page: one list read names up to 5,000, so `limit` alone would not bound a
 * page's size. A page stops at the entry that reaches this (it always holds at least one entry).
 */
export const ACCESS_LOG_CHILD_IDS_PER_PAGE = 20_000;

/**
 * Lists the read-access trail from the event log, oldest first, one page at a time. The log is read
 * in its own pages (readAll) and reading stops as soon as the page is full, so memory stays bounded
 * however long the trail grows, and positions keep a cursor correct while entries are appended.
 */
@Injectable()
export class AccessLogService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async page(filter: AccessLogFilter, paging: AccessLogPaging): Promise<AccessLogPage> {
    try {
      return await this.pageAfter(filter, paging);
    } catch (error) {
      throw unknownCursorError('after', error);
    }
  }

  private async pageAfter(
    filter: AccessLogFilter,
    { after, limit }: AccessLogPaging,
  ): Promise<AccessLogPage> {
    const entries: PositionedAccessLogEntry[] = [];
    let childIds = 0;
    let scanned = 0;
    let last: bigint | undefined;
    const events = this.store.readAll({
      fromPosition: after,
      maxCount: ACCESS_LOG_SCAN_PER_PAGE,
      filter: { streamPrefixes: [ACCESS_LOG_STREAM_PREFIX], eventTypes: [CASE_HISTORY_READ] },
    });
    for await (const event of events) {
      scanned += 1;
      last = event.globalPosition;
      const entry = toAccessLogEntry(event);
      if (!matchesAccessLogFilter(entry, filter)) continue;
      entries.push({ position: last.toString(10), ...entry });
      childIds += entry.childIds?.length ?? 0;
      // Leaving the loop closes the log reader: nothing after this page is read.
      if (entries.length >= limit || childIds >= ACCESS_LOG_CHILD_IDS_PER_PAGE)
        return { entries, next: last.toString(10) };
    }
    return scanned >= ACCESS_LOG_SCAN_PER_PAGE && last !== undefined
      ? { entries, next: last.toString(10) }
      : { entries };
  }
}
