// Test support: turns plain events into a stored, hash-chained stream, as the API would append it.
import { chainEvents, chainTipAfter } from '../integrity/chain-events';
import type { NewEvent, RecordedEvent } from '../store';

export function stampedStream(
  streamId: string,
  events: readonly NewEvent[],
  firstGlobalPosition = 1n,
): RecordedEvent[] {
  return chainEvents(chainTipAfter(streamId, undefined), events).map((event, index) => ({
    ...event,
    streamId,
    revision: BigInt(index),
    globalPosition: firstGlobalPosition + BigInt(index),
  }));
}

/** Appends more events to an already stamped stream, continuing its chain. */
export function extendStream(stream: readonly RecordedEvent[], events: readonly NewEvent[]): RecordedEvent[] {
  const last = stream[stream.length - 1];
  const streamId = last.streamId;
  const more = chainEvents(chainTipAfter(streamId, last), events).map((event, index) => ({
    ...event,
    streamId,
    revision: last.revision + 1n + BigInt(index),
    globalPosition: last.globalPosition + 1n + BigInt(index),
  }));
  return [...stream, ...more];
}
