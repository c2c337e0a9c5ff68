/**
 * Writing and paging a generation's change log. Rows are written by applyToChild inside the
 * batch's transaction, so the log holds exactly the events at or below the checkpoint.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ChangeRecord } from '../feed/change-record';
import type { FeedCheckpoint } from '../feed/feed-checkpoint';
import type { LoggedChange } from '../feed/feed-page';
import { tablesOf } from './read-model-schema';

/** An INSERT of `rows` change rows at once (five parameters a row, in column order). */
export function insertChangesSql(generation: number, rows = 1): string {
  const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?)').join(', ');
  return `INSERT INTO ${tablesOf(generation).changes} (position, idx, child_id, event_id, change) VALUES ${values}`;
}

export function writeChanges(
  insert: Statement,
  position: bigint,
  eventId: string,
  changes: readonly ChangeRecord[],
): void {
  changes.forEach((change, index) =>
    insert.run(position, index, change.childId, eventId, JSON.stringify(change)),
  );
}

/** Changes strictly after `after` (all when undefined), in log order, at most `limit`. */
export function readChanges(
  db: Database,
  generation: number,
  after: FeedCheckpoint | undefined,
  limit: number,
): LoggedChange[] {
  const { changes } = tablesOf(generation);
  const position = after?.position ?? -1n;
  // "<position>" alone means every change of that position was consumed.
  const index = after?.index ?? Number.MAX_SAFE_INTEGER;
  const rows = db
    .prepare(
      `SELECT position, idx, event_id, change FROM ${changes}
        WHERE position > ? OR (position = ? AND idx > ?) ORDER BY position, idx LIMIT ?`,
    )
    .safeIntegers(true)
    .all(position, position, index, limit) as {
    position: bigint;
    idx: bigint;
    event_id: string;
    change: string;
  }[];
  return rows.map((row) => ({
    position: row.position,
    index: Number(row.idx),
    eventId: row.event_id,
    change: JSON.parse(row.change) as ChangeRecord,
  }));
}
