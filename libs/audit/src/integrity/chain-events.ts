import type { NewEvent, RecordedEvent } from '../store';
import { hashEvent } from './hash-event';
import { GENESIS_HASH, INTEGRITY_KEY, readStamp, type IntegrityStamp } from './integrity-stamp';

/** Where the next appended event will sit in its stream, and the hash it must link to. */
export interface ChainTip {
  streamId: string;
  nextRevision: bigint;
  prevHash: string;
}

/**
 * The tip after `last`, the stream's current last event (undefined for a new stream).
 * A last event without a usable stamp (written before the chain existed) links to GENESIS_HASH;
 * verification will still report that event, so the gap is never hidden.
 */
export function chainTipAfter(streamId: string, last: RecordedEvent | undefined): ChainTip {
  if (!last) return { streamId, nextRevision: 0n, prevHash: GENESIS_HASH };
  const stamp = readStamp(last.metadata);
  return {
    streamId,
    nextRevision: last.revision + 1n,
    prevHash: 'hash' in stamp ? stamp.hash : GENESIS_HASH,
  };
}

/** The metadata without a stamp it may carry (the same object when it carries none: no copy per event). */
function withoutStamp(metadata: Record<string, unknown>): Record<string, unknown> {
  if (!Object.prototype.hasOwnProperty.call(metadata, INTEGRITY_KEY)) return metadata;
  const { [INTEGRITY_KEY]: _ignored, ...rest } = metadata;
  return rest;
}

/**
 * Stamps events about to be appended at `tip` (in this order, with expectedRevision = tip.nextRevision - 1,
 * or 'no_stream' at revision 0): each gets metadata.integrity linking it to the one before.
 * Pure: returns copies and leaves the input untouched.
 */
export function chainEvents<E extends NewEvent>(tip: ChainTip, events: readonly E[]): E[] {
  let prev = tip.prevHash;
  return events.map((event, index) => {
    const metadata = withoutStamp(event.metadata);
    const hash = hashEvent(prev, {
      id: event.id,
      streamId: tip.streamId,
      revision: tip.nextRevision + BigInt(index),
      type: event.type,
      data: event.data as Record<string, unknown>,
      metadata,
    });
    const stamp: IntegrityStamp = { v: 1, alg: 'sha256', prev, hash };
    prev = hash;
    return withField(event, 'metadata', withField(metadata, INTEGRITY_KEY, stamp));
  });
}

/**
 * `{ ...object, [key]: value }`, the same own properties in the same order, copied one by one: V8
 * (Node 20) writes a property added after a spread into a clone whose map keeps no transitions,
 * ~2 µs each (#9), on every append. A `__proto__` key stays an own property, as a spread keeps it.
 */
function withField<T extends object>(object: T, key: string, value: unknown): T {
  const from = object as Record<PropertyKey, unknown>;
  const copy: Record<PropertyKey, unknown> = {};
  // A spread's order: string keys (Object.keys gives them in it), then symbols.
  for (const own of Object.keys(from)) define(copy, own, from[own]);
  for (const symbol of Object.getOwnPropertySymbols(from))
    if (Object.prototype.propertyIsEnumerable.call(from, symbol)) copy[symbol] = from[symbol];
  define(copy, key, value);
  return copy as T;
}

function define(target: Record<PropertyKey, unknown>, key: PropertyKey, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
