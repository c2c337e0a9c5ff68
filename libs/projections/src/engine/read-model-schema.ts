/**
 * Read-model tables. Each rebuild writes a new *generation* of tables (suffix _g<n>) in the same
 * file while the current one keeps serving; switching is one update of `meta.generation`. A
 * generation's checkpoint is in `checkpoints`, written in the same transaction as its rows.
 * The change log (`child_changes_g<n>`, the /feed) belongs to its generation like the other rows.
 *
 * The read model keeps no copy of the events: a refold (a correction, a back-dated entry) and the
 * child-events queries read the child's stream from the event store. What the engine needs to go
 * on folding a child without its stream is kept beside the summary (`stream_count`,
 * `latest_effective`, `clock`). Files written before that had a per-child copy
 * (`child_events_g<n>`): `migrateEventCopy` derives the new columns from it and drops it.
 */
import type { Database } from 'better-sqlite3';

export const SHARED_SCHEMA = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS checkpoints (
    generation INTEGER PRIMARY KEY,
    position TEXT,            -- last global position applied (decimal), NULL before the first
    updated_at TEXT NOT NULL,
    event_position TEXT,      -- the log tie (log-tie.ts): the event at this position ...
    event_id TEXT             -- ... has this id in the log the generation was projected from
  );
`;

/** The log tie's columns, added to files written before they existed (filled on the next start). */
const TIE_COLUMNS = ['event_position TEXT', 'event_id TEXT'];

/** Adds the log tie's columns to an older file's checkpoints table; no-op when they are there. */
export function addLogTieColumns(db: Database): void {
  for (const column of TIE_COLUMNS)
    if (!hasColumn(db, 'checkpoints', column.split(' ')[0]))
      db.exec(`ALTER TABLE checkpoints ADD COLUMN ${column}`);
}

export interface GenerationTables {
  summaries: string;
  /** Only in files written before the copy was dropped (see migrateEventCopy). */
  oldEvents: string;
  changes: string;
}

export function tablesOf(generation: number): GenerationTables {
  if (!Number.isInteger(generation) || generation < 1)
    throw new RangeError(`Bad read-model generation ${generation}`);
  return {
    summaries: `child_summaries_g${generation}`,
    oldEvents: `child_events_g${generation}`,
    changes: `child_changes_g${generation}`,
  };
}

/**
 * A generation's tables; with `indexes: false`, the summaries' secondary indexes are left for
 * `createSummaryIndexes` (a rebuild adds them once its rows are in: building an index over the
 * finished table is cheaper than keeping six indexes up to date through every batch's upserts).
 */
export function createGenerationTables(
  db: Database,
  generation: number,
  { indexes }: { indexes: boolean } = { indexes: true },
): void {
  const { summaries } = tablesOf(generation);
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
      summary TEXT NOT NULL,
      ${STREAM_COLUMNS.join(',\n      ')},
      ${FEED_HELD_COLUMN}
    );
  `);
  if (indexes) createSummaryIndexes(db, generation);
}

/** The summaries' secondary indexes (queries by team, worker, status, …); no-op where they exist. */
export function createSummaryIndexes(db: Database, generation: number): void {
  const { summaries } = tablesOf(generation);
  db.exec(`
    CREATE INDEX IF NOT EXISTS ${summaries}_team ON ${summaries}(team);
    CREATE INDEX IF NOT EXISTS ${summaries}_sw ON ${summaries}(social_worker);
    CREATE INDEX IF NOT EXISTS ${summaries}_ls ON ${summaries}(legal_status);
    CREATE INDEX IF NOT EXISTS ${summaries}_in_care ON ${summaries}(in_care);
    CREATE INDEX IF NOT EXISTS ${summaries}_dob ON ${summaries}(date_of_birth);
    CREATE INDEX IF NOT EXISTS ${summaries}_position ON ${summaries}(last_position);
  `);
}

/**
 * What the fold needs of a child's stream without reading it: how many events it has, the latest
 * effective date (registrations aside), the feed clock, and the position of its first event.
 */
const STREAM_COLUMNS = [
  `stream_count INTEGER NOT NULL DEFAULT 0`,
  `latest_effective TEXT NOT NULL DEFAULT ''`,
  `clock TEXT`,
];

/** The feed's facts a consumer holds beside the child's view (JSON; NULL: none): feed/held-facts.ts. */
const FEED_HELD_COLUMN = `feed_held TEXT`;

/** A generation written before `feed_held`: add it (NULL for every child, as if none were held). */
export function addFeedHeldIfMissing(db: Database, generation: number): void {
  const { summaries } = tablesOf(generation);
  if (hasTable(db, summaries) && !hasColumn(db, summaries, 'feed_held'))
    db.exec(`ALTER TABLE ${summaries} ADD COLUMN ${FEED_HELD_COLUMN}`);
}

/** Per child, what STREAM_COLUMNS hold, worked out from the child's events in log order. */
export interface StreamFacts {
  count: number;
  latest: string;
  clock: string | undefined;
}

export const hasColumn = (db: Database, table: string, column: string): boolean =>
  (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).some(
    (row) => row.name === column,
  );

/**
 * A generation written with the per-child event copy: add the stream columns, fill them from
 * the copy (`factsOf` folds one child's stored events), then drop the copy. One pass, on open.
 */
export function migrateEventCopy(
  db: Database,
  generation: number,
  factsOf: (events: readonly { position: number; event: string }[]) => StreamFacts,
): boolean {
  const { summaries, oldEvents } = tablesOf(generation);
  if (!hasTable(db, oldEvents)) return false;
  if (hasTable(db, summaries) && !hasColumn(db, summaries, 'stream_count')) {
    for (const column of STREAM_COLUMNS) db.exec(`ALTER TABLE ${summaries} ADD COLUMN ${column}`);
    const update = db.prepare(
      `UPDATE ${summaries} SET stream_count = ?, latest_effective = ?, clock = ? WHERE child_id = ?`,
    );
    const rows = db
      .prepare(`SELECT child_id, position, event FROM ${oldEvents} ORDER BY child_id, position`)
      .iterate() as IterableIterator<{ child_id: string; position: number; event: string }>;
    // The connection is busy while iterating: the updates (a few values per child) run after.
    const updates: [StreamFacts, string][] = [];
    let childId: string | undefined;
    let events: { position: number; event: string }[] = [];
    const flush = (): void => {
      if (childId !== undefined) updates.push([factsOf(events), childId]);
    };
    for (const row of rows) {
      if (row.child_id !== childId) {
        flush();
        childId = row.child_id;
        events = [];
      }
      events.push({ position: row.position, event: row.event });
    }
    flush();
    for (const [facts, id] of updates) update.run(facts.count, facts.latest, facts.clock ?? null, id);
  }
  db.exec(`DROP TABLE ${oldEvents}`);
  return true;
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
  const { summaries, oldEvents, changes } = tablesOf(generation);
  db.exec(
    `DROP TABLE IF EXISTS ${summaries}; DROP TABLE IF EXISTS ${oldEvents}; DROP TABLE IF EXISTS ${changes};`,
  );
}
