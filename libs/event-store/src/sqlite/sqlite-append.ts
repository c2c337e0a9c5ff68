import { DuplicateEventIds, WrongExpectedRevision } from '../errors';
import type { AppendOptions, AppendResult, ExpectedRevision } from '../event-store.port';
import { describeExpected, matchesExpected } from '../expected-revision';
import type { SerializedEvent } from './sqlite-commit';
import type { LocationRow, SqliteStatements } from './sqlite-statements';

/**
 * The body of one append; the caller runs it inside BEGIN IMMEDIATE so the revision check and
 * the inserts see no other writer. Throws WrongExpectedRevision unless the batch is a retry.
 * `onlyIf` (another stream's revision) is checked in the same transaction, after the retry test
 * (an append that already succeeded is answered as before) and before anything is inserted.
 */
export function appendInTransaction(
  s: SqliteStatements,
  stream: string,
  events: readonly SerializedEvent[],
  expected: ExpectedRevision,
  onlyIf?: AppendOptions['onlyIf'],
): AppendResult {
  const current = s.currentRevision.get(stream);
  if (!matchesExpected(expected, current)) {
    // A retry of an append that did succeed lands here (the stream has moved past `expected`).
    // Look at the first id only: a new batch costs one index probe.
    if (s.findInStream.get(stream, events[0].id)) {
      const original = findOriginalAppend(s, stream, events, expected);
      if (original) return original;
    }
    throw new WrongExpectedRevision(stream, describeExpected(expected), current ?? 'no_stream');
  }
  if (onlyIf) {
    const other = s.currentRevision.get(onlyIf.stream);
    if (!matchesExpected(onlyIf.revision, other))
      throw new WrongExpectedRevision(onlyIf.stream, describeExpected(onlyIf.revision), other ?? 'no_stream');
  }
  // Numbers for the hot loop: a stream will not reach 2^53 events.
  let revision = current === undefined ? 0 : Number(current) + 1;
  let position = 0n;
  for (const event of events) {
    const info = s.insert.run(stream, revision, event.id, event.type, event.data, event.metadata);
    position = info.lastInsertRowid as bigint;
    revision += 1;
  }
  return { nextExpectedRevision: BigInt(revision - 1), globalPosition: position };
}

/** True when a retry with `expected` would have written its first event at `firstRevision`. */
function samePlace(expected: ExpectedRevision, firstRevision: bigint): boolean {
  if (expected === 'any' || expected === 'stream_exists') return true;
  if (expected === 'no_stream') return firstRevision === 0n;
  return firstRevision === expected + 1n;
}

/**
 * Idempotent retry: when every id of the batch is already stored in this stream, in this order,
 * at consecutive revisions where this call would have put them, returns the original result.
 * Ids are looked up in this stream only (their uniqueness scope, as in EventStoreDB): the same
 * ids in another stream are another stream's events, not this append's.
 * Returns undefined when none of the ids is stored (or the retry targets another place);
 * throws DuplicateEventIds when only part of the batch (or another arrangement) is stored.
 */
export function findOriginalAppend(
  s: SqliteStatements,
  stream: string,
  events: readonly { id: string }[],
  expected: ExpectedRevision,
): AppendResult | undefined {
  const locations = events.map((event) => s.findInStream.get(stream, event.id));
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
  const last = locations[locations.length - 1] as LocationRow;
  return { nextExpectedRevision: last[0], globalPosition: last[1] };
}

/** Explains a unique-index failure that is not a retry: the batch repeats one of its own ids. */
export function repeatedIdsError(stream: string, events: readonly { id: string }[]): DuplicateEventIds {
  const seen = new Set<string>();
  const repeated = events
    .filter((event) => (seen.has(event.id) ? true : (seen.add(event.id), false)))
    .map((e) => e.id);
  return new DuplicateEventIds(stream, repeated, 'the batch repeats an id');
}

/**
 * A file made by an earlier version keeps ids unique across the log: there, a clash can also be
 * with another stream's events. Undefined on a file whose ids are unique per stream (no such clash).
 */
function storedInAnotherStream(
  s: SqliteStatements,
  stream: string,
  events: readonly { id: string }[],
): DuplicateEventIds | undefined {
  const streamOfId = s.streamOfId;
  if (!streamOfId) return undefined;
  const elsewhere = events
    .filter((event) => {
      const owner = streamOfId.get(event.id);
      return owner !== undefined && owner !== stream;
    })
    .map((event) => event.id);
  if (elsewhere.length === 0) return undefined;
  return new DuplicateEventIds(
    stream,
    elsewhere,
    'already stored in another stream (this file was created by an earlier version, which keeps event ids unique across the whole log)',
  );
}

/** After a unique-index failure (its writes rolled back): either an idempotent retry or a clear error. */
export function explainDuplicate(
  s: SqliteStatements,
  stream: string,
  events: readonly { id: string }[],
  expected: ExpectedRevision,
): AppendResult {
  const original = findOriginalAppend(s, stream, events, expected);
  if (original) return original;
  const stored = events.filter((event) => s.findInStream.get(stream, event.id)).map((event) => event.id);
  if (stored.length > 0) {
    throw new DuplicateEventIds(
      stream,
      stored,
      'already stored at another revision than this append would use',
    );
  }
  throw storedInAnotherStream(s, stream, events) ?? repeatedIdsError(stream, events);
}
