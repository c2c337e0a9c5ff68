import type Database from 'better-sqlite3';
import type { AppendResult } from '../event-store.port';
import type { PendingAppend } from './group-commit';
import { appendInTransaction, explainDuplicate } from './sqlite-append';
import { isUnavailableError, isUniqueViolation } from './sqlite-errors';
import type { SqliteStatements } from './sqlite-statements';

/** What one append of a group came to; settled only after the group's COMMIT returned. */
export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/**
 * Builds the function that writes a group of appends in ONE transaction (BEGIN IMMEDIATE … COMMIT,
 * one fsync at synchronous=FULL). Each append runs in its own SAVEPOINT (better-sqlite3 nests a
 * transaction function as a savepoint), in arrival order, so its expected-revision check sees the
 * appends before it and a failing append rolls back only its own rows. A storage failure
 * (disk full, I/O error) throws out of the whole group: nothing of it is committed.
 */
export function groupTransaction(
  db: Database.Database,
  s: SqliteStatements,
): (group: readonly PendingAppend[]) => AppendOutcome[] {
  const one = db.transaction((p: PendingAppend) =>
    appendInTransaction(s, p.stream, p.events, p.options.expectedRevision),
  );
  const all = db.transaction((group: readonly PendingAppend[]) =>
    group.map((p): AppendOutcome => {
      try {
        return { ok: true, result: one(p) };
      } catch (error) {
        if (isUnavailableError(error)) throw error;
        if (!isUniqueViolation(error)) return { ok: false, error };
        try {
          return { ok: true, result: explainDuplicate(s, p.stream, p.events, p.options.expectedRevision) };
        } catch (explained) {
          return { ok: false, error: explained };
        }
      }
    }),
  );
  return (group) => all.immediate(group);
}
