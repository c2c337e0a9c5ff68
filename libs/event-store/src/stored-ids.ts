import { DuplicateEventIds } from './errors';
import type { AppendResult, ExpectedRevision } from './event-store.port';

/** Where an id is stored in the stream: [revision, global position], or undefined. */
export type LocateId = (id: string) => readonly [bigint, bigint] | undefined;

/**
 * How both adapters judge a batch against the ids its stream already holds (ids are unique per
 * stream, the port's promise): one rule, so SQLite and EventStoreDB answer the same.
 */

/** True when a retry with `expected` would have written its first event at `firstRevision`. */
function samePlace(expected: ExpectedRevision, firstRevision: bigint): boolean {
  if (expected === 'any' || expected === 'stream_exists') return true;
  if (expected === 'no_stream') return firstRevision === 0n;
  return firstRevision === expected + 1n;
}

/**
 * Idempotent retry: when every id of the batch is already stored in this stream, in this order,
 * at consecutive revisions where this call would have put them, returns the original result.
 * Returns undefined when none of the ids is stored (or the retry targets another place);
 * throws DuplicateEventIds when only part of the batch (or another arrangement) is stored.
 */
export function findOriginalAppend(
  stream: string,
  events: readonly { id: string }[],
  expected: ExpectedRevision,
  locate: LocateId,
): AppendResult | undefined {
  const locations = events.map((event) => locate(event.id));
  const stored = events.filter((_, i) => locations[i] !== undefined).map((event) => event.id);
  if (stored.length === 0) return undefined;
  const first = locations[0];
  const exact =
    stored.length === events.length &&
    first !== undefined &&
    locations.every((loc, i) => loc !== undefined && loc[0] === first[0] + BigInt(i));
  if (!exact || first === undefined) {
    throw new DuplicateEventIds(
      stream,
      stored,
      'the batch is not an exact retry of an earlier append to this stream (only part of it, or another order)',
    );
  }
  if (!samePlace(expected, first[0])) return undefined;
  const last = locations[locations.length - 1] as readonly [bigint, bigint];
  return { nextExpectedRevision: last[0], globalPosition: last[1] };
}

/**
 * An append the stream's revision allows, some of whose ids the stream already holds: the original
 * result of an exact retry, else DuplicateEventIds. Undefined when none of the ids is stored.
 */
export function judgeStoredIds(
  stream: string,
  events: readonly { id: string }[],
  expected: ExpectedRevision,
  locate: LocateId,
): AppendResult | undefined {
  const original = findOriginalAppend(stream, events, expected, locate);
  if (original) return original;
  const stored = events.filter((event) => locate(event.id) !== undefined).map((event) => event.id);
  if (stored.length === 0) return undefined;
  throw new DuplicateEventIds(
    stream,
    stored,
    'already stored at another revision than this append would use',
  );
}

/** The ids a batch repeats (each once), or an empty list. */
export function repeatedIds(events: readonly { id: string }[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const { id } of events) (seen.has(id) ? repeated : seen).add(id);
  return [...repeated];
}

/** The error for a batch that repeats one of its own ids. */
export function repeatedIdsError(stream: string, events: readonly { id: string }[]): DuplicateEventIds {
  return new DuplicateEventIds(stream, repeatedIds(events), 'the batch repeats an id');
}
