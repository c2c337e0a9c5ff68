import { chainEvents, chainTipAfter } from '@care-journey/audit';
import type { NewEvent, RecordedEvent } from '@care-journey/event-store';

/**
 * A registry event to append after `last`, the stream's latest event as read (undefined: the
 * stream's first), stamped into the stream's hash chain as a journey's events are (review s18-es
 * F4), and the revision to append it at. No read of its own: every append of the registries is one
 * event, at 'no_stream' or after the event it has just read. After an event from before the
 * registries were chained (no stamp) the chain starts at the genesis hash (`audit verify-store`
 * accepts that unstamped start).
 */
export function chainedRegistryEvent(
  stream: string,
  last: RecordedEvent | undefined,
  event: NewEvent,
): { event: NewEvent; expectedRevision: 'no_stream' | bigint } {
  const [chained] = chainEvents(chainTipAfter(stream, last), [event]);
  return { event: chained, expectedRevision: last ? last.revision : 'no_stream' };
}
