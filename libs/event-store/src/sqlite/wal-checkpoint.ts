import type Database from 'better-sqlite3';
import type { SynchronousMode } from './sqlite-schema';

/**
 * A checkpoint once the WAL holds this many pages (about 1 MB at 4 KB pages). SQLite's own default
 * is 1,000: each checkpoint then copies ~4 MB inside the COMMIT that crosses it, which set the HTTP
 * commands' p99 (bench/README, findings 26 and 30: 8-client p99 median 20.4 → 13.0 ms over seven
 * alternated rounds, throughput and bulk appends unchanged). CARE_JOURNEY_SQLITE_CHECKPOINT_PAGES sets it.
 */
export const DEFAULT_CHECKPOINT_PAGES = 250;

/**
 * How far the WAL may grow before the writer checkpoints it itself, as a multiple of the
 * checkpointer's threshold: the bound that holds when the checkpointer is missing, dead or behind.
 */
export const WRITER_FALLBACK_FACTOR = 10;

/** How the checkpointer thread opens its connection and how often it looks for new commits. */
export interface CheckpointerSettings {
  file: string;
  synchronous: SynchronousMode;
  busyTimeoutMs: number;
  /** A checkpoint at most this often, and only after a commit since the last one. */
  intervalMs: number;
  /** Int32 slots shared with the store: see CHECKPOINT_SLOTS. */
  shared: SharedArrayBuffer;
}

/** The shared counters: the store counts its commits, the thread its checkpoints (specs read them). */
export const CHECKPOINT_SLOTS = { commits: 0, checkpoints: 1, length: 2 } as const;

/**
 * The writing connection stops checkpointing at every `pages` pages of WAL (the checkpoint would
 * run inside the COMMIT that crosses it, on the caller's event loop) and checkpoints itself only
 * past `pages` × WRITER_FALLBACK_FACTOR, which bounds the WAL whatever becomes of the checkpointer.
 */
export function deferWriterCheckpoints(db: Database.Database, pages: number): void {
  db.pragma(`wal_autocheckpoint = ${pages * WRITER_FALLBACK_FACTOR}`);
}

/**
 * One PASSIVE checkpoint: copies what it can of the WAL into the database file without waiting
 * for, or blocking, readers and the writer. Returns the frames copied (0 when there was nothing).
 */
export function passiveCheckpoint(db: Database.Database): number {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  return result?.checkpointed ?? 0;
}
