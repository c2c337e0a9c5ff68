import type { RecordedEvent } from '../store';
import { hashEvent } from './hash-event';
import { GENESIS_HASH, readStamp } from './integrity-stamp';

export interface BrokenLink {
  revision: bigint;
  eventId: string;
  reason: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Events whose link held, from revision 0 up to (not including) the first broken one. */
  checked: number;
  /** The last good hash: the stream's head when ok. */
  head: string;
  firstBroken?: BrokenLink;
}

type VerifiableEvent = Pick<RecordedEvent, 'id' | 'streamId' | 'revision' | 'type' | 'data' | 'metadata'>;

/**
 * Walks one stream from revision 0 and reports the first link that does not hold:
 * a missing or reordered revision, a stamp that is absent or malformed, a `prev` that is not
 * the previous event's hash (an event removed, inserted or re-hashed before it), or a `hash`
 * that does not match the event's content (the event itself was edited).
 */
export function verifyChain(events: readonly VerifiableEvent[]): ChainVerification {
  let prev = GENESIS_HASH;
  let checked = 0;
  const streamId = events[0]?.streamId;
  for (const event of events) {
    const reason = problemWith(event, BigInt(checked), streamId ?? '', prev);
    if (reason)
      return {
        ok: false,
        checked,
        head: prev,
        firstBroken: { revision: event.revision, eventId: event.id, reason },
      };
    prev = (event.metadata['integrity'] as { hash: string }).hash;
    checked += 1;
  }
  return { ok: true, checked, head: prev };
}

function problemWith(
  event: VerifiableEvent,
  expectedRevision: bigint,
  streamId: string,
  prev: string,
): string | undefined {
  if (event.revision !== expectedRevision) {
    return `revision ${event.revision} found where ${expectedRevision} was expected (an event is missing or out of order)`;
  }
  if (event.streamId !== streamId) return `stream id ${event.streamId} differs from the stream's ${streamId}`;
  const stamp = readStamp(event.metadata);
  if ('problem' in stamp) return stamp.problem;
  if (stamp.prev !== prev) {
    return expectedRevision === 0n
      ? 'first event does not link to the genesis hash'
      : `prev does not match the hash of revision ${expectedRevision - 1n} (an earlier event was removed, inserted or re-hashed)`;
  }
  const recomputed = hashEvent(prev, event);
  if (recomputed !== stamp.hash)
    return 'hash does not match the event as stored (its type, data or metadata was changed)';
  return undefined;
}
