import type Database from 'better-sqlite3';
import type { AllFilter } from '../event-store.port';
import { idsUniqueAcrossLog } from './sqlite-schema';

/** Column order of every read; rows come back as raw arrays (no per-row key objects). */
export const EVENT_COLUMNS = 'global_position, stream_id, revision, id, type, data, metadata';

/** A raw event row: [global_position, stream_id, revision, id, type, data, metadata]. */
export type EventRow = [bigint, string, bigint, string, string, string, string];

/**
 * A row of one stream's read: [global_position, revision, id, type, data, metadata]. The stream id
 * is the one asked for (`stream_id = ?` compares exactly), so it is not read back for every row.
 */
export const STREAM_COLUMNS = 'global_position, revision, id, type, data, metadata';
export type StreamRow = [bigint, bigint, string, string, string, string];

/** An id's place in its stream: [revision, global_position]. */
export type LocationRow = [bigint, bigint];

/** Prepared once per connection: preparing per call costs more than running small queries. */
export class SqliteStatements {
  readonly currentRevision: Database.Statement<[string], bigint>;
  readonly insert: Database.Statement<[string, number | bigint, string, string, string, string]>;
  /** Where (stream, id) is stored, through the per-stream id index (ids are unique per stream). */
  readonly findInStream: Database.Statement<[string, string], LocationRow>;
  /**
   * Set only on a file made by an earlier version, whose ids are unique across the log: the stream
   * an id is stored in, to explain a clash with another stream (that file's own index answers it).
   */
  readonly streamOfId: Database.Statement<[string], string> | undefined;
  readonly streamExists: Database.Statement<[string], number>;
  readonly streamForwards: Database.Statement<[string, bigint, number], StreamRow>;
  readonly streamBackwards: Database.Statement<[string, bigint, number], StreamRow>;
  readonly head: Database.Statement<[], bigint | null>;
  private readonly allByShape = new Map<string, Database.Statement<unknown[], EventRow>>();

  constructor(private readonly db: Database.Database) {
    this.currentRevision = db
      .prepare<[string], bigint>(
        'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
      )
      .pluck()
      .safeIntegers(true);
    this.insert = db.prepare(
      'INSERT INTO events (stream_id, revision, id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.insert.safeIntegers(true); // lastInsertRowid as bigint: positions are bigints in the port
    this.findInStream = db
      .prepare<[string, string], LocationRow>(
        'SELECT revision, global_position FROM events WHERE stream_id = ? AND id = ?',
      )
      .raw(true)
      .safeIntegers(true);
    this.streamOfId = idsUniqueAcrossLog(db)
      ? db.prepare<[string], string>('SELECT stream_id FROM events WHERE id = ?').pluck()
      : undefined;
    this.streamExists = db
      .prepare<[string], number>('SELECT 1 FROM events WHERE stream_id = ? LIMIT 1')
      .pluck();
    this.streamForwards = db
      .prepare<[string, bigint, number], StreamRow>(
        `SELECT ${STREAM_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true);
    this.streamBackwards = db
      .prepare<[string, bigint, number], StreamRow>(
        `SELECT ${STREAM_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
      )
      .raw(true)
      .safeIntegers(true);
    this.head = db
      .prepare<[], bigint | null>('SELECT MAX(global_position) FROM events')
      .pluck()
      .safeIntegers(true);
  }

  /**
   * Reads one page of the log in (after, upTo], filtered in SQL so a narrow subscription does not
   * drag every row into JS. One statement per filter shape (number of prefixes/types), cached.
   */
  readAllPage(after: bigint, upTo: bigint, limit: number, filter: AllFilter | undefined): EventRow[] {
    const prefixes = filter?.streamPrefixes ?? [];
    const types = filter?.eventTypes ?? [];
    const statement = this.allStatement(prefixes.length, types.length);
    const params: unknown[] = [after, upTo];
    // substr/length count characters on both sides, so any Unicode prefix compares correctly.
    for (const prefix of prefixes) params.push(prefix, prefix);
    for (const type of types) params.push(type);
    params.push(limit);
    return statement.all(...params);
  }

  private allStatement(prefixCount: number, typeCount: number): Database.Statement<unknown[], EventRow> {
    const key = `${prefixCount}:${typeCount}`;
    let statement = this.allByShape.get(key);
    if (!statement) {
      const where = ['global_position > ?', 'global_position <= ?'];
      if (prefixCount > 0) {
        where.push(`(${Array(prefixCount).fill('substr(stream_id, 1, length(?)) = ?').join(' OR ')})`);
      }
      if (typeCount > 0) where.push(`type IN (${Array(typeCount).fill('?').join(', ')})`);
      statement = this.db
        .prepare<unknown[], EventRow>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY global_position LIMIT ?`,
        )
        .raw(true)
        .safeIntegers(true);
      this.allByShape.set(key, statement);
    }
    return statement;
  }
}
