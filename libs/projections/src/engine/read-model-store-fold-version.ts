/** The fold version each generation was made by, in `meta` (fold-version.ts). */
import type { ReadModelFile } from './read-model-store-file';

export const foldVersionKey = (generation: number): string => `fold_version_g${generation}`;

/** Stamps `generation` as folded by `version` (in the caller's transaction). */
export function stampFoldVersion(file: ReadModelFile, generation: number, version: number): void {
  file.db
    .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
    .run(foldVersionKey(generation), String(version));
}

/** The version that folded `generation`; undefined for one made before versions were stamped. */
export function foldVersionOf(file: ReadModelFile, generation: number): number | undefined {
  const row = file.stmt(`SELECT value FROM meta WHERE key = ?`).get(foldVersionKey(generation)) as
    { value: string } | undefined;
  return row ? Number(row.value) : undefined;
}
