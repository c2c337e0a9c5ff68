import type { EventStore } from '../store';
import {
  ACCESS_LOG_STREAM_PREFIX,
  CASE_HISTORY_READ,
  matchesAccessLogFilter,
  toAccessLogEntry,
  type AccessLogEntry,
} from './case-history-read';

/**
 * Every trail entry about one child, oldest first: its own reads and every list that named it, as
 * `GET /audit/access-log?childId=` pages them, read in one pass of the log (a subject access
 * export: offline, once per request, so the whole log is read rather than paged).
 */
export async function readChildTrail(
  store: EventStore,
  childId: string,
): Promise<(AccessLogEntry & { position: string })[]> {
  const entries: (AccessLogEntry & { position: string })[] = [];
  for await (const event of store.readAll()) {
    if (!event.streamId.startsWith(ACCESS_LOG_STREAM_PREFIX) || event.type !== CASE_HISTORY_READ) continue;
    const entry = toAccessLogEntry(event);
    if (matchesAccessLogFilter(entry, { childId }))
      entries.push({ ...entry, position: event.globalPosition.toString() });
  }
  return entries;
}
