import type Database from 'better-sqlite3';
import type { AppendOptions, AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { appendInTransaction, explainDuplicate } from './sqlite-append';
import { isUnavailableError, isUniqueViolation } from './sqlite-errors';
import type { SqliteStatements } from './sqlite-statements';

/** An event as the writer stores it: data and metadata already JSON (made on the caller's thread). */
export interface SerializedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

/** One append of a group, as handed to the writer (the same shape crosses to a writer thread). */
export interface AppendRequest {
  stream: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
  /** Another stream's revision the append needs (AppendOptions.onlyIf); checked in the same transaction. */
  onlyIf?: AppendOptions['onlyIf'];
}

/** What one append of a group came to; settled only after the group's COMMIT returned. */
export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** A group either committed (each append with its own outcome) or failed as a whole (nothing of it written). */
export type GroupResult = { outcomes: AppendOutcome[] } | { failure: unknown };

/** Serialises once, before the append is queued (the caller may reuse its objects afterwards). */
export function serializeEvents(events: readonly NewEvent[]): SerializedEvent[] {
  return events.map((event) => ({
    id: event.id,
    type: event.type,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
  }));
}

/**
 * Builds the function that writes a group of appends in ONE transaction (BEGIN IMMEDIATE … COMMIT,
 * one fsync at synchronous=FULL). Each append runs in its own SAVEPOINT (better-sqlite3 nests a
 * transaction function as a savepoint), in arrival order, so its expected-revision check sees the
 * appends before it and a failing append rolls back only its own rows. A storage failure
 * (disk full, I/O error) fails the whole group: nothing of it is committed. A group of one needs
 * no savepoint: its own transaction is the unit of rollback. Runs on whichever thread owns `db`.
 */
export function groupCommitter(
  db: Database.Database,
  s: SqliteStatements,
): (group: readonly AppendRequest[]) => GroupResult {
  const appendOne = (p: AppendRequest): AppendResult =>
    appendInTransaction(s, p.stream, p.events, p.expected, p.onlyIf);
  const single = db.transaction(appendOne);
  const nested = db.transaction(appendOne);
  const all = db.transaction((group: readonly AppendRequest[]) =>
    group.map((p): AppendOutcome => {
      try {
        return { ok: true, result: nested(p) };
      } catch (error) {
        if (isUnavailableError(error)) throw error;
        return explained(p, error);
      }
    }),
  );
  // After a unique-index failure (its rows rolled back): an idempotent retry or a clear error.
  const explained = (p: AppendRequest, error: unknown): AppendOutcome => {
    if (!isUniqueViolation(error)) return { ok: false, error };
    try {
      return { ok: true, result: explainDuplicate(s, p.stream, p.events, p.expected) };
    } catch (explanation) {
      return { ok: false, error: explanation };
    }
  };
  return (group) => {
    if (group.length === 1) {
      try {
        // BEGIN IMMEDIATE takes the write lock up front: the revision check and inserts see no other writer.
        return { outcomes: [{ ok: true, result: single.immediate(group[0]) }] };
      } catch (error) {
        return { outcomes: [explained(group[0], error)] };
      }
    }
    try {
      return { outcomes: all.immediate(group) };
    } catch (error) {
      return { failure: error };
    }
  };
}
