import { assertKnownSchemaVersion } from '@care-journey/journey';
import type { EventStore } from '../store';
import {
  SESSION_ENDED,
  SESSION_ENDED_SCHEMA_VERSION,
  SESSION_STREAM_PREFIX,
  type SessionEndedData,
} from './session-ended';

/** One ended web session as `care-journey audit tokens` lists it (a sign-out, or its access changed). */
export interface EndedSession extends SessionEndedData {
  eventId: string;
  position: string;
}

export interface SessionEndFilter {
  /** Inclusive UTC days, YYYY-MM-DD, of `endedAt`. */
  from?: string;
  to?: string;
  userId?: string;
}

/**
 * Every web session recorded as ended, in the log's order. One filtered read of the whole log: the
 * ends are on a stream per session. The type is filtered too: `session-extensions-<id>` streams
 * share the prefix.
 */
export async function readSessionEnds(
  store: EventStore,
  filter: SessionEndFilter = {},
): Promise<EndedSession[]> {
  const ended: EndedSession[] = [];
  const events = store.readAll({
    filter: { streamPrefixes: [SESSION_STREAM_PREFIX], eventTypes: [SESSION_ENDED] },
  });
  for await (const event of events) {
    if (event.type !== SESSION_ENDED) continue;
    assertKnownSchemaVersion(event, SESSION_ENDED_SCHEMA_VERSION);
    const data = event.data as SessionEndedData;
    const day = data.endedAt.slice(0, 10);
    if (filter.from !== undefined && day < filter.from) continue;
    if (filter.to !== undefined && day > filter.to) continue;
    if (filter.userId !== undefined && data.userId !== filter.userId) continue;
    ended.push({ ...data, eventId: event.id, position: event.globalPosition.toString() });
  }
  return ended;
}
