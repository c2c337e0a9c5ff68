/**
 * The version of the fold: the code that turns events into what the read models store (summaries,
 * the change log's views and flags). Each generation is stamped with the version that folded it
 * (read-model-store-fold-version.ts); a projecting process that starts on read models folded by
 * another version rebuilds them into a new generation while the old one serves (review s12-ops F10;
 * apps/api/README.md, "Upgrading").
 *
 * Bump FOLD_VERSION when a change to the fold sources can change what is stored. fold-version.spec.ts
 * hashes those sources and fails when they change without FOLD_SOURCES_HASH being updated: update the
 * hash alone for a change that cannot alter a stored value (a comment, a rename), else bump too.
 */
export const FOLD_VERSION = 6;

/** sha256 of FOLD_SOURCES when FOLD_VERSION was last reviewed (fold-version.spec.ts prints the new one). */
export const FOLD_SOURCES_HASH = '52f15122a57866eab5f5ea7911a3f16c0e78daec251ec3ac32823fa583fe8e9e';

/**
 * What the fold is made of, relative to libs/projections/src: directories (their .ts files, specs
 * and spec helpers left out) and single files.
 */
export const FOLD_SOURCES: readonly string[] = [
  'summary',
  'feed',
  'rules',
  'engine/per-event-fold.ts',
  'engine/change-log.ts',
  'engine/summary-row.ts',
];

/** The served read models were folded by another version than this code's. */
export interface FoldOutdated {
  /** The version that folded them; null for a generation made before versions were stamped. */
  built: number | null;
  /** This code's FOLD_VERSION. */
  running: number;
}

/** What a projecting process logs when it starts the rebuild an outdated fold calls for. */
export function foldOutdatedMessage(outdated: FoldOutdated, file: string): string {
  const built =
    outdated.built === null ? 'a build from before fold versions' : `fold version ${outdated.built}`;
  return (
    `read models in ${file} were folded by ${built}; this build folds with version ${outdated.running}: ` +
    'rebuilding them into a new generation while the current one serves (apps/api/README.md, "Upgrading")'
  );
}
