import { chainTipAfter, type ChainTip } from '../integrity/chain-events';
import { StreamNotFound, type EventStore, type RecordedEvent } from '../store';

/** A whole stream, revision 0 first; undefined when the stream does not exist. */
export async function readWholeStream(
  store: EventStore,
  stream: string,
): Promise<RecordedEvent[] | undefined> {
  const events: RecordedEvent[] = [];
  try {
    for await (const event of store.readStream(stream)) events.push(event);
  } catch (error) {
    if (error instanceof StreamNotFound) return undefined;
    throw error;
  }
  return events;
}

/**
 * The chain tip of a stream from its last stored event. Append the events chained at this tip
 * with expectedRevision = tip.nextRevision - 1 (or 'no_stream'): if anyone appended in between,
 * the store refuses the append, so a stamped revision always matches the stored one.
 */
export async function readChainTip(store: EventStore, stream: string): Promise<ChainTip> {
  try {
    for await (const last of store.readStream(stream, { direction: 'backwards', maxCount: 1 }))
      return chainTipAfter(stream, last);
  } catch (error) {
    if (!(error instanceof StreamNotFound)) throw error;
  }
  return chainTipAfter(stream, undefined);
}

/** The expected revision that goes with a tip. */
export const expectedRevisionAt = (tip: ChainTip): bigint | 'no_stream' =>
  tip.nextRevision === 0n ? 'no_stream' : tip.nextRevision - 1n;
