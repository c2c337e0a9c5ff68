import { DuplicateEventIds, WrongExpectedRevision } from '../errors';
import type { AppendOptions, AppendResult, ExpectedRevision } from '../event-store.port';
import { describeExpected, matchesExpected } from '../expected-revision';
import { findOriginalAppend, judgeStoredIds, repeatedIdsError, type LocateId } from '../stored-ids';
import type { SerializedEvent } from './sqlite-commit';
import type { SqliteStatements } from './sqlite-statements';

/** Ids are looked up in this stream only (their uniqueness scope, as in EventStoreDB). */
const inStream =
  (s: SqliteStatements, stream: string): LocateId =>
  (id) =>
    s.findInStream.get(stream, id);

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
      const original = findOriginalAppend(stream, events, expected, inStream(s, stream));
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
  const original = judgeStoredIds(stream, events, expected, inStream(s, stream));
  if (original) return original;
  throw storedInAnotherStream(s, stream, events) ?? repeatedIdsError(stream, events);
}
