import { chainTipAfter, type ChainTip } from '../integrity/chain-events';
import { readStreamOrEmpty, type EventStore, type RecordedEvent } from '../store';

/** A whole stream, revision 0 first; undefined when the stream does not exist. */
export async function readWholeStream(
  store: EventStore,
  stream: string,
): Promise<RecordedEvent[] | undefined> {
  const events: RecordedEvent[] = [];
  for await (const event of readStreamOrEmpty(store, stream)) events.push(event);
  // A stream exists from its first event: none read means there is no such stream.
  return events.length === 0 ? undefined : events;
}

/**
 * The chain tip of a stream from its last stored event. Append the events chained at this tip
 * with expectedRevision = tip.nextRevision - 1 (or 'no_stream'): if anyone appended in between,
 * the store refuses the append, so a stamped revision always matches the stored one.
 */
export async function readChainTip(store: EventStore, stream: string): Promise<ChainTip> {
  for await (const last of readStreamOrEmpty(store, stream, { direction: 'backwards', maxCount: 1 }))
    return chainTipAfter(stream, last);
  return chainTipAfter(stream, undefined);
}

/** The expected revision that goes with a tip. */
export const expectedRevisionAt = (tip: ChainTip): bigint | 'no_stream' =>
  tip.nextRevision === 0n ? 'no_stream' : tip.nextRevision - 1n;
