import type { RecordedEvent } from '../store';
import { hashEvent } from './hash-event';
import { GENESIS_HASH, INTEGRITY_KEY, readStamp } from './integrity-stamp';

export interface BrokenLink {
  revision: bigint;
  eventId: string;
  reason: string;
}

export interface ChainVerification {
  ok: boolean;
  /** Events whose link held, from the chain's start up to (not including) the first broken one. */
  checked: number;
  /** The last good hash: the stream's head when ok. */
  head: string;
  firstBroken?: BrokenLink;
  /** With `unchainedPrefix`: the events before the chain began, accepted without a stamp. */
  unchained?: number;
}

export interface ChainOptions {
  /**
   * A stream chained since a later version (the registries, since session 19) keeps the events it
   * had before unstamped: events with no stamp at all, from revision 0 up to the first stamped one,
   * are accepted, and the chain starts there at the genesis hash. From the first stamped event on,
   * every event must link, as in any chain; a stamp removed from the middle breaks the next link.
   * With `before` (the log's first stamped event of such streams), only events written before it
   * may be unstamped: a stream written since, its stamps stripped, is broken (review s19-diff F4).
   */
  unchainedPrefix?: boolean | { before: bigint };
}

type VerifiableEvent = Pick<RecordedEvent, 'id' | 'streamId' | 'revision' | 'type' | 'data' | 'metadata'> & {
  globalPosition?: bigint;
};

/**
 * Walks one stream from revision 0 and reports the first link that does not hold:
 * a missing or reordered revision, a stamp that is absent or malformed, a `prev` that is not
 * the previous event's hash (an event removed, inserted or re-hashed before it), or a `hash`
 * that does not match the event's content (the event itself was edited).
 */
export function verifyChain(
  events: readonly VerifiableEvent[],
  options: ChainOptions = {},
): ChainVerification {
  let prev = GENESIS_HASH;
  const unchained = options.unchainedPrefix ? unchainedPrefixOf(events, options.unchainedPrefix) : 0;
  let checked = 0;
  const streamId = events[0]?.streamId;
  for (let index = unchained; index < events.length; index++) {
    const event = events[index];
    const reason = problemWith(event, BigInt(index), streamId ?? '', prev, index === unchained);
    if (reason)
      return {
        ok: false,
        checked,
        head: prev,
        firstBroken: { revision: event.revision, eventId: event.id, reason },
        ...(options.unchainedPrefix && { unchained }),
      };
    prev = (event.metadata['integrity'] as { hash: string }).hash;
    checked += 1;
  }
  return { ok: true, checked, head: prev, ...(options.unchainedPrefix && { unchained }) };
}

/**
 * How many events, from revision 0 on and in order, carry no stamp at all (written before the
 * chain), and, given `before`, were written before that position.
 */
function unchainedPrefixOf(events: readonly VerifiableEvent[], prefix: true | { before: bigint }): number {
  const writtenBefore = (event: VerifiableEvent): boolean =>
    prefix === true || event.globalPosition === undefined || event.globalPosition < prefix.before;
  let count = 0;
  while (
    count < events.length &&
    events[count].revision === BigInt(count) &&
    !Object.prototype.hasOwnProperty.call(events[count].metadata, INTEGRITY_KEY) &&
    writtenBefore(events[count])
  )
    count += 1;
  return count;
}

function problemWith(
  event: VerifiableEvent,
  expectedRevision: bigint,
  streamId: string,
  prev: string,
  first: boolean,
): string | undefined {
  if (event.revision !== expectedRevision) {
    return `revision ${event.revision} found where ${expectedRevision} was expected (an event is missing or out of order)`;
  }
  if (event.streamId !== streamId) return `stream id ${event.streamId} differs from the stream's ${streamId}`;
  const stamp = readStamp(event.metadata);
  if ('problem' in stamp) return stamp.problem;
  if (stamp.prev !== prev) {
    return first
      ? `${expectedRevision === 0n ? 'first event' : `first stamped event (revision ${expectedRevision})`} does not link to the genesis hash`
      : `prev does not match the hash of revision ${expectedRevision - 1n} (an earlier event was removed, inserted or re-hashed)`;
  }
  const recomputed = hashEvent(prev, event);
  if (recomputed !== stamp.hash)
    return 'hash does not match the event as stored (its type, data or metadata was changed)';
  return undefined;
}
