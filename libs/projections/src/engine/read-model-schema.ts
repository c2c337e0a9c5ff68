/**
 * Read-model tables. Each rebuild writes a new *generation* of tables (suffix _g<n>) in the same
 * file while the current one keeps serving; switching is one update of `meta.generation`. A
 * generation's checkpoint is in `checkpoints`, written in the same transaction as its rows.
 * The change log (`child_changes_g<n>`, the /feed) belongs to its generation like the other rows.
 */
import type { Database } from 'better-sqlite3';

export const SHARED_SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS checkpoints (
    generation INTEGER PRIMARY KEY,
    position TEXT,            -- last global position applied (decimal), NULL before the first
    updated_at TEXT NOT NULL
  );
`;

export interface GenerationTables {
  summaries: string;
  events: string;
  changes: string;
}

export function tablesOf(generation: number): GenerationTables {
  if (!Number.isInteger(generation) || generation < 1)
    throw new RangeError(`Bad read-model generation ${generation}`);
  return {
    summaries: `child_summaries_g${generation}`,
    events: `child_events_g${generation}`,
    changes: `child_changes_g${generation}`,
  };
}

export function createGenerationTables(db: Database, generation: number): void {
  const { summaries, events } = tablesOf(generation);
  createChangeLogTable(db, generation);
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${summaries} (
      child_id TEXT PRIMARY KEY,
      child_ref TEXT NOT NULL,
      team TEXT,
      social_worker TEXT,
      legal_status TEXT,
      in_care INTEGER NOT NULL,
      date_of_birth TEXT,
      last_position INTEGER NOT NULL,
      summary TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS ${summaries}_team ON ${summaries}(team);
    CREATE INDEX IF NOT EXISTS ${summaries}_sw ON ${summaries}(social_worker);
    CREATE INDEX IF NOT EXISTS ${summaries}_ls ON ${summaries}(legal_status);
    CREATE INDEX IF NOT EXISTS ${summaries}_in_care ON ${summaries}(in_care);
    CREATE INDEX IF NOT EXISTS ${summaries}_dob ON ${summaries}(date_of_birth);
    CREATE INDEX IF NOT EXISTS ${summaries}_position ON ${summaries}(last_position);
    -- The child's stored events: a correction or a back-dated entry refolds the child from these.
    CREATE TABLE IF NOT EXISTS ${events} (
      child_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      event TEXT NOT NULL,
      PRIMARY KEY (child_id, position)
    ) WITHOUT ROWID;
  `);
}

/**
 * The change log: what each event changed in its child's view, keyed by the event's global
 * position and the change's index within it (the feed's checkpoint, the same after a rebuild).
 */
export function createChangeLogTable(db: Database, generation: number): void {
  const { changes } = tablesOf(generation);
  db.exec(`
    CREATE TABLE IF NOT EXISTS ${changes} (
      position INTEGER NOT NULL,
      idx INTEGER NOT NULL,
      child_id TEXT NOT NULL,
      event_id TEXT NOT NULL,
      change TEXT NOT NULL,
      PRIMARY KEY (position, idx)
    ) WITHOUT ROWID;
  `);
}

export function hasTable(db: Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

export function dropGenerationTables(db: Database, generation: number): void {
  const { summaries, events, changes } = tablesOf(generation);
  db.exec(
    `DROP TABLE IF EXISTS ${summaries}; DROP TABLE IF EXISTS ${events}; DROP TABLE IF EXISTS ${changes};`,
  );
}
