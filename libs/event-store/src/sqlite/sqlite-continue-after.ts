import Database from 'better-sqlite3';
import type { NewEvent } from '../event-store.port';
import { applyPragmas } from './sqlite-schema';

/**
 * Appends `event` to `stream` at a global position past `afterPosition` (and past the log's own
 * head), leaving the positions between unused. For a restore: a backup's log ends before the
 * store it replaces did, and SQLite would hand the lost positions out again to new events — a
 * reporting job holding a checkpoint from the old store would then skip those new events without
 * a sign. With this marker in place, every new event lands after any position ever handed out.
 * Run it only while nothing else writes the file (restore runs with the API stopped).
 */
export function appendAfterPosition(
  file: string,
  stream: string,
  event: NewEvent,
  afterPosition: bigint,
): bigint {
  const db = new Database(file, { fileMustExist: true });
  try {
    applyPragmas(db, 'FULL');
    db.defaultSafeIntegers(true);
    return db
      .transaction((): bigint => {
        const head = (
          db.prepare('SELECT max(global_position) AS head FROM events').get() as { head: bigint | null }
        ).head;
        const last = (
          db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?').get(stream) as {
            revision: bigint | null;
          }
        ).revision;
        const position = (head !== null && head > afterPosition ? head : afterPosition) + 1n;
        db.prepare(
          'INSERT INTO events (global_position, stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
        ).run(
          position,
          stream,
          last === null ? 0n : last + 1n,
          event.id,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata ?? {}),
        );
        return position;
      })
      .immediate();
  } finally {
    db.close();
  }
}
