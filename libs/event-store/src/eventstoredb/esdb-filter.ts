import {
  eventTypeFilter,
  excludeSystemEvents,
  streamNameFilter,
  type Filter,
  type Position,
} from '@eventstore/db-client';
import type { AllFilter, RecordedEvent } from '../event-store.port';

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Server-side filter for subscribeToAll. ESDB takes one filter (stream names OR event types),
 * so with both we filter stream prefixes on the server and types on the client too
 * (`matchesFilter` is always applied). Without a filter we still drop system events server-side.
 * A narrow filter reports checkpoints, so its subscription can resume past the events it skipped.
 * Without one, no checkpoints are asked for (review s18-es F1): only the rare system events are
 * skipped, so they would save nothing, and a server with KurrentDB #4970 sends a wrong one.
 */
export function toServerFilter(
  filter: AllFilter | undefined,
  checkpointReached: (position: Position) => Promise<void> | void,
): Filter {
  // The client awaits the callback before it reads further from the server.
  const onCheckpoint = (_subscription: unknown, position: Position): Promise<void> | void =>
    checkpointReached(position);
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.eventTypes ?? [];
  if (prefixes.length > 0) return streamNameFilter({ prefixes, checkpointReached: onCheckpoint });
  if (types.length > 0) {
    // A regex with anchors: prefix matching on types would let 'Placed' match 'PlacedEnded'.
    return eventTypeFilter({
      regex: `^(?:${types.map(escapeRegex).join('|')})$`,
      checkpointReached: onCheckpoint,
    });
  }
  return excludeSystemEvents();
}

/** The port's filter semantics, applied on the client. */
export function matchesFilter(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  const prefixes = filter?.streamPrefixes;
  if (prefixes && prefixes.length > 0 && !prefixes.some((prefix) => event.streamId.startsWith(prefix)))
    return false;
  const types = filter?.eventTypes;
  if (types && types.length > 0 && !types.includes(event.type)) return false;
  return true;
}
