/**
 * Rebuild: drop-and-replay every read model from position 0 into a new generation while the
 * current one keeps serving, then switch atomically once the new one has caught up with the log.
 * Progress (events done, position vs head, events/s, ETA) is an rxjs Observable.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Observable } from 'rxjs';
import type { EventStore } from '@care-journey/event-store';
import { applyFromStore } from './apply-from-store';
import { eventIdsAt } from './log-tie';
import { partitionPlan, rebuildPartitions } from './partitioned-rebuild';
import { rebuildThreadsFromEnv } from './read-model-config';
import type { ReadModelStore } from './read-model-store';
import { RebuildBatch, REBUILD_READ_AHEAD } from './rebuild-batch';
import { rebuiltBy, type RebuiltBy } from './rebuild-record';
import { RunningRebuildRecorder } from './running-rebuild';

/**
 * WAL pages between checkpoints while a rebuild writes (SQLite's default is 1,000, ~4 MB). Each
 * checkpoint copies the WAL into the file and syncs it, inside the commit that crossed the mark and
 * so inside the rebuild's write turn; at 1,000 pages that was most of a batch's write time
 * (measured at 200,000 events: ~40 ms of a ~50 ms write). 10,000 (~40 MB of WAL at most, on disk
 * until the next checkpoint) made the rebuild ~10–25% faster on one thread and two.
 */
export const REBUILD_WAL_PAGES = 10_000;

/** `abandoned`: only as another process reports a rebuild whose process died (running-rebuild.ts). */
export type RebuildState = 'running' | 'switching' | 'done' | 'failed' | 'abandoned';

/**
 * Where a running rebuild is: replaying the log from position 0 (split across threads or not),
 * catching up with events appended meanwhile, indexing the new generation, switching to it.
 */
export type RebuildPhase = 'replay' | 'catch-up' | 'index' | 'switch';

export interface RebuildProgress {
  state: RebuildState;
  /** While running or switching. */
  phase?: RebuildPhase;
  generation: number;
  eventsDone: number;
  /** Last position applied and the head of the log (decimal strings: bigint crosses JSON as text). */
  position: string;
  head: string;
  /** 0–100, by position against the head. */
  percent: number;
  eventsPerSecond: number;
  /** Threads the log is read and applied on (a split rebuild: CARE_JOURNEY_REBUILD_THREADS; else 1). */
  threads: number;
  /** Seconds left at the current pace; null until there is a pace. */
  etaSeconds: number | null;
  startedAt: string;
  finishedAt?: string;
  /** From start to finish (done or failed), in seconds. */
  durationSeconds?: number;
  /** The process that ran it (the API, the CLI, …). */
  by: RebuiltBy;
  error?: string;
}

export interface RebuildOptions {
  batchSize: number;
  /**
   * Most events a batch reads ahead to when the log's children are interleaved (rebuild-batch.ts);
   * default REBUILD_READ_AHEAD; at or below batchSize: batches of batchSize.
   */
  readAhead?: number;
  /**
   * Threads to split the children across (partitioned-rebuild.ts); 1: on this thread. Default:
   * CARE_JOURNEY_REBUILD_THREADS, else 2 where there are two cores.
   */
  threads?: number;
  /** Fewest events per thread worth splitting for (default MIN_EVENTS_PER_THREAD); below, one thread. */
  minEventsPerThread?: number;
  /** Called once the new generation serves (e.g. to restart the live projector on it). */
  onSwitched?: (generation: number) => void | Promise<void>;
  /** Who rebuilds, stored with the generation it makes (default: 'other' and this pid). */
  by?: RebuiltBy;
  now?: () => number;
  /**
   * How often the running rebuild's progress is written to the read-model file for other processes
   * (running-rebuild.ts); default RUNNING_RECORD_EVERY_MS. Each phase is written when it starts.
   */
  recordEveryMs?: number;
}

class ProgressMeter {
  private readonly started: number;
  eventsDone = 0;
  position = 0n;
  threads = 1;
  phase: RebuildPhase = 'replay';

  constructor(
    readonly generation: number,
    public head: bigint,
    private readonly now: () => number,
    private readonly by: RebuiltBy,
  ) {
    this.started = now();
  }

  snapshot(state: RebuildState, error?: unknown): RebuildProgress {
    const now = this.now();
    const seconds = Math.max((now - this.started) / 1000, 1e-3);
    const head = this.head > this.position ? this.head : this.position;
    // Threads reading stream by stream hold their position at the start until they finish: the
    // events done then tell how far they are (positions are dense enough for a percentage).
    const done = Math.max(Number(this.position), Math.min(this.eventsDone, Number(head)));
    const total = Number(head);
    const positionRate = done / seconds;
    const finished = state === 'done' || state === 'failed';
    return {
      state,
      ...(!finished && { phase: this.phase }),
      generation: this.generation,
      eventsDone: this.eventsDone,
      position: this.position.toString(),
      head: head.toString(),
      percent: total === 0 ? 100 : Math.min(100, Math.round((done / total) * 1000) / 10),
      eventsPerSecond: Math.round(this.eventsDone / seconds),
      threads: this.threads,
      etaSeconds: finished ? 0 : positionRate > 0 ? Math.round((total - done) / positionRate) : null,
      startedAt: new Date(this.started).toISOString(),
      ...(finished && {
        finishedAt: new Date(now).toISOString(),
        durationSeconds: Math.round(now - this.started) / 1000,
      }),
      by: this.by,
      ...(error !== undefined && { error: error instanceof Error ? error.message : String(error) }),
    };
  }
}

/** Reads the log after `from` in batches, applies each, and says how far it got. */
async function replay(
  eventStore: EventStore,
  readModels: ReadModelStore,
  meter: ProgressMeter,
  sizes: { batchSize: number; readAhead: number },
  emit: () => void,
): Promise<number> {
  const reading = new RebuildBatch(sizes.batchSize, sizes.readAhead);
  let applied = 0;
  const apply = async (): Promise<void> => {
    const batch = reading.take();
    await applyFromStore(eventStore, readModels, meter.generation, batch, { requireCurrent: false });
    meter.eventsDone += batch.length;
    meter.position = batch[batch.length - 1].globalPosition;
    applied += batch.length;
    emit();
    // Let the API answer requests between batches: it keeps serving the old generation meanwhile.
    await nextTurn();
  };
  for await (const event of eventStore.readAll({ fromPosition: readModels.checkpoint(meter.generation) })) {
    reading.add(event);
    if (reading.full) await apply();
  }
  if (reading.events.length > 0) await apply();
  return applied;
}

export function rebuildReadModels(
  eventStore: EventStore,
  readModels: ReadModelStore,
  options: RebuildOptions,
): Observable<RebuildProgress> {
  return new Observable<RebuildProgress>((subscriber) => {
    const now = options.now ?? Date.now;
    const readAhead = options.readAhead ?? REBUILD_READ_AHEAD;
    let meter: ProgressMeter | undefined;
    let walPagesBefore: number | undefined;
    const restoreWal = (): void => {
      if (walPagesBefore !== undefined) readModels.walCheckpointEvery(walPagesBefore);
      walPagesBefore = undefined;
    };
    const run = async (): Promise<void> => {
      const generation = readModels.createGeneration();
      walPagesBefore = readModels.walCheckpointEvery(REBUILD_WAL_PAGES);
      meter = new ProgressMeter(
        generation,
        (await eventStore.headPosition()) ?? 0n,
        now,
        options.by ?? rebuiltBy(),
      );
      const m = meter;
      // Progress other processes can read from the file: every phase, else at most every recordEveryMs.
      const recorder = new RunningRebuildRecorder(
        (record) => readModels.recordRebuildProgress(generation, record),
        now,
        options.recordEveryMs,
      );
      const running = (force = false): void => {
        const progress = m.snapshot('running');
        recorder.record(progress, force);
        subscriber.next(progress);
      };
      const plan = partitionPlan(eventStore, readModels, generation, m.head, {
        threads: options.threads ?? rebuildThreadsFromEnv(),
        batchSize: options.batchSize,
        readAhead,
        minEventsPerThread: options.minEventsPerThread,
      });
      m.threads = plan?.threads ?? 1;
      running(true);
      if (plan) {
        const report = (done: { eventsDone: number; position: bigint }): void => {
          m.eventsDone = done.eventsDone;
          m.position = done.position;
        };
        report(
          await rebuildPartitions(plan, eventStore, readModels, (done) => {
            report(done);
            running();
          }),
        );
        // Tied to the event there, as a batch's checkpoint is (log-tie.ts).
        readModels.markApplied(generation, plan.upTo, (await eventIdsAt(eventStore, plan.upTo)).at(-1));
        m.phase = 'catch-up';
        running(true);
      }
      // Catch up until a pass finds nothing new: events appended meanwhile are included.
      const sizes = { batchSize: options.batchSize, readAhead };
      while ((await replay(eventStore, readModels, m, sizes, () => running())) > 0) {
        m.head = (await eventStore.headPosition()) ?? m.head;
        if (m.phase !== 'catch-up') {
          m.phase = 'catch-up';
          running(true);
        }
      }
      m.phase = 'index';
      running(true);
      readModels.indexGeneration(generation);
      restoreWal();
      m.phase = 'switch';
      const switching = m.snapshot('switching');
      recorder.record(switching, true);
      subscriber.next(switching);
      // The outcome is stored with the switch, so every reader of the file reports this rebuild.
      const done = m.snapshot('done');
      readModels.switchTo(generation, done);
      await options.onSwitched?.(generation);
      subscriber.next(done);
      subscriber.complete();
    };
    run().catch((error: unknown) => {
      try {
        restoreWal();
      } catch {
        // The file is closed: nothing to restore.
      }
      if (meter) {
        try {
          readModels.discardGeneration(meter.generation);
        } catch {
          // Already switched or the file is gone: nothing left to clean.
        }
        subscriber.next(meter.snapshot('failed', error));
      }
      subscriber.error(error);
    });
  });
}
