/**
 * Where a generation's change log starts, for a file projected before the change log existed: the
 * feed says it is partial (a rebuild fills it from position 0).
 */
import type { ReadModelFile } from './read-model-store-file';
import { createChangeLogTable, hasTable, tablesOf } from './read-model-schema';

export const changeLogStartKey = (generation: number): string => `change_log_start_g${generation}`;

/** Adds the change log to a generation without one, remembering the checkpoint it starts after. */
export function addChangeLogIfMissing(
  file: ReadModelFile,
  generation: number,
  checkpoint: bigint | undefined,
): void {
  if (hasTable(file.db, tablesOf(generation).changes)) return;
  createChangeLogTable(file.db, generation);
  if (checkpoint !== undefined)
    file.db
      .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
      .run(changeLogStartKey(generation), checkpoint.toString());
}

/** The position the generation's change log starts after, when it did not start at 0. */
export function changeLogStart(file: ReadModelFile, generation: number): bigint | undefined {
  const start = file.stmt(`SELECT value FROM meta WHERE key = ?`).get(changeLogStartKey(generation)) as
    { value: string } | undefined;
  return start && BigInt(start.value);
}
