/**
 * The live projector's work per event, A against B, in one process: the same log applied to two
 * read-model files, one with each build's projections library, batch by batch in turn (A,B then
 * B,A …), so a slow moment of a shared machine falls on both. Each side's thread CPU is counted
 * per batch. What the HTTP figure's projections thread does, without HTTP, the writer or wrk, whose
 * noise (bench/README finding 42) hid a change of 20% in that thread.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedEvent } from '@care-journey/event-store';

/** The parts of a build the projector's path is made of, loaded from its dist directory. */
interface Build {
  SqliteEventStore: typeof import('@care-journey/event-store/sqlite').SqliteEventStore;
  ReadModelStore: typeof import('@care-journey/projections').ReadModelStore;
  applyFromStore: typeof import('@care-journey/projections').applyFromStore;
}

/** A build's modules from its dist root (this build's: `dist` beside bench/). */
export function loadBuild(dist: string): Build {
  /* eslint-disable @typescript-eslint/no-require-imports -- another build's files, chosen at run time */
  const store = require(join(dist, 'libs/event-store/src/sqlite/sqlite-event-store.js')) as Pick<
    Build,
    'SqliteEventStore'
  >;
  const models = require(join(dist, 'libs/projections/src/engine/read-model-store.js')) as Pick<
    Build,
    'ReadModelStore'
  >;
  const apply = require(join(dist, 'libs/projections/src/engine/apply-from-store.js')) as Pick<
    Build,
    'applyFromStore'
  >;
  /* eslint-enable @typescript-eslint/no-require-imports */
  return {
    SqliteEventStore: store.SqliteEventStore,
    ReadModelStore: models.ReadModelStore,
    applyFromStore: apply.applyFromStore,
  };
}

export interface InterleavedOptions {
  /** The event store: its last `timed` events are timed, the `warm` before them applied as the live projector would. */
  storeFile: string;
  /** Where the two read-model files go (removed at the end). */
  dir: string;
  batch: number;
  timed: number;
  warm: number;
}

export interface InterleavedResult {
  /** Microseconds of this thread's CPU per timed event: A, then B. */
  cpuUsPerEvent: [number, number];
  events: number;
}

const threadCpuUs = (): number => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

export async function interleavedProjectors(
  builds: [Build, Build],
  options: InterleavedOptions,
): Promise<InterleavedResult> {
  const sides = builds.map((build, index) => {
    const file = join(options.dir, `read-models-${'ab'[index]}.db`);
    const store = new build.SqliteEventStore({ file: options.storeFile });
    const readModels = new build.ReadModelStore(file);
    return { build, store, readModels, file, generation: readModels.currentGeneration(), cpuUs: 0 };
  });
  try {
    const events: RecordedEvent[] = [];
    for await (const event of sides[0].store.readAll()) events.push(event);
    const timedFrom = Math.max(0, events.length - options.timed);
    const warmFrom = Math.max(0, timedFrom - options.warm);
    const apply = (side: (typeof sides)[number], batch: readonly RecordedEvent[]) =>
      side.build.applyFromStore(side.store, side.readModels, side.generation, batch, {
        requireCurrent: true,
      });
    for (const side of sides) {
      // The history in big batches (a rebuild's pace), then the warm-up in live-sized ones, so the
      // timed events meet children kept in memory, as after the HTTP figure's warm-up.
      for (let at = 0; at < warmFrom; at += 1_000)
        await apply(side, events.slice(at, Math.min(at + 1_000, warmFrom)));
      for (let at = warmFrom; at < timedFrom; at += options.batch)
        await apply(side, events.slice(at, Math.min(at + options.batch, timedFrom)));
    }
    let round = 0;
    for (let at = timedFrom; at < events.length; at += options.batch, round++) {
      const batch = events.slice(at, at + options.batch);
      for (const side of round % 2 === 0 ? sides : [sides[1], sides[0]]) {
        const before = threadCpuUs();
        await apply(side, batch);
        side.cpuUs += threadCpuUs() - before;
      }
    }
    const timed = events.length - timedFrom;
    return { cpuUsPerEvent: [sides[0].cpuUs / timed, sides[1].cpuUs / timed], events: timed };
  } finally {
    for (const side of sides) {
      side.readModels.close();
      await side.store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(side.file + suffix, { force: true });
    }
  }
}
