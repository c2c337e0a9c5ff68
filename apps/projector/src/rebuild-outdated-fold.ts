/**
 * At start, read models folded by another fold version (an upgrade that changed the fold) are
 * rebuilt into a new generation while they serve, then the projector moves to it (review s12-ops
 * F10; libs/projections/src/engine/fold-version.ts). Runs after the projector has checked the read
 * models against the log (a realign already starts afresh with this version). Another process's
 * rebuild of the file replaces them anyway: then nothing is started here.
 */
import {
  foldOutdatedMessage,
  RebuildRunningElsewhere,
  type ProjectionEngine,
} from '@care-journey/projections';

export interface RebuildLog {
  log: (message: string) => void;
  error: (message: string) => void;
}

/** Resolves once the rebuild (if one was needed) has switched, or failed (logged: the old read models serve on). */
export async function rebuildOutdatedFold(
  engine: ProjectionEngine,
  { log, error }: RebuildLog,
): Promise<void> {
  await engine.whenStarted();
  const outdated = engine.foldOutdated();
  if (outdated === undefined) return;
  log(foldOutdatedMessage(outdated, engine.readModels.file));
  try {
    const done = await engine.rebuildAndWait();
    log(`rebuilt for fold version ${outdated.running}: generation ${done.generation} now serves`);
  } catch (failure) {
    if (failure instanceof RebuildRunningElsewhere)
      log(`${failure.message}: it replaces the outdated read models`);
    else
      error(
        `the rebuild for fold version ${outdated.running} failed; the previous read models serve on: ${String(failure)}`,
      );
  }
}
