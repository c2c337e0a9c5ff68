/**
 * Before the projector resumes: are the served read models the log's (log-tie.ts)? If they are
 * not, they are stale or someone else's, and resuming after their checkpoint would skip events; read
 * models are disposable, so they are dropped and projected again from position 0 (an empty
 * generation serves meanwhile, as on a first start), and the reason is logged and kept in the file
 * for /health/projections. A checkpoint from before ties existed is tied to its event here.
 */
import type { EventStore } from '@care-journey/event-store';
import { checkLogTie } from './log-tie';
import type { ReadModelStore } from './read-model-store';

export interface Alignment {
  /** The generation to project into (a new, empty one after a realignment). */
  generation: number;
  /** Set when the read models were dropped: the generation they were in. */
  discarded?: number;
}

/** Checks against a generation that changed meanwhile are repeated at most this often. */
const MAX_CHECKS = 3;

export async function alignWithLog(
  store: EventStore,
  readModels: ReadModelStore,
  log?: (message: string) => void,
): Promise<Alignment> {
  for (let attempt = 1; ; attempt++) {
    const generation = readModels.currentGeneration();
    const tie = readModels.logTie(generation);
    if (tie?.checkpoint === undefined) return { generation };
    const check = await checkLogTie(store, tie, await store.headPosition());
    if (check.aligned) {
      if (check.adopt) readModels.tieCheckpoint(generation, check.adopt.position, check.adopt.eventId);
      return { generation };
    }
    const realigned = readModels.realign(generation, tie.checkpoint, {
      discarded: generation,
      reason: check.reason,
      at: new Date().toISOString(),
    });
    if (realigned !== undefined) {
      log?.(
        `read models in ${readModels.file} do not belong to this event log: ${check.detail} ` +
          `(a restore without a rebuild, a rebuild that failed after a restore, or a read-model file of another store). ` +
          `Generation ${generation} was dropped; projecting again from position 0 into generation ${realigned} ` +
          `(queries see partial read models until it catches up; 'care-journey rebuild' with the API stopped is faster)`,
      );
      return { generation: realigned, discarded: generation };
    }
    // Another process switched generations or moved the checkpoint meanwhile: check what it left.
    if (attempt >= MAX_CHECKS)
      throw new Error(
        `Read models in ${readModels.file} do not belong to this event log (${check.detail}) and keep changing while being checked: is another projector writing the file?`,
      );
  }
}
