/**
 * The rebuild that produced a generation, kept in the read-model file itself (`meta`, key
 * `rebuild_g<n>`), written in the transaction that switches to that generation. Whoever reads the
 * file (the API in any projection mode, after a `care-journey rebuild` run by another process, or
 * after a restart) reports the rebuild behind the read models it serves, not one it merely
 * remembers. Dropped with its generation.
 */
import type { Database } from 'better-sqlite3';

/** Which program rebuilt: the API (POST /admin/rebuild), the CLI (`care-journey rebuild`, `restore`), … */
export type RebuildProcess = 'api' | 'cli' | 'projector' | 'other';

export interface RebuiltBy {
  process: RebuildProcess;
  /** Operating-system process id, to tell two processes of one kind apart. */
  pid: number;
}

export const rebuildRecordKey = (generation: number): string => `rebuild_g${generation}`;

/** The caller's identity as a rebuild records it. */
export const rebuiltBy = (kind: RebuildProcess = 'other'): RebuiltBy => ({ process: kind, pid: process.pid });

/** Stores `record` (JSON) as the rebuild of `generation`; call inside the switching transaction. */
export function writeRebuildRecord(db: Database, generation: number, record: object): void {
  db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`).run(
    rebuildRecordKey(generation),
    JSON.stringify(record),
  );
}

/** The stored record of `generation`'s rebuild; undefined when it was not made by a recording rebuild. */
export function readRebuildRecord<T>(db: Database, generation: number): T | undefined {
  const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(rebuildRecordKey(generation)) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function deleteRebuildRecord(db: Database, generation: number): void {
  db.prepare(`DELETE FROM meta WHERE key = ?`).run(rebuildRecordKey(generation));
}
