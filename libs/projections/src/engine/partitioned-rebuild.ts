/**
 * A rebuild split by child across worker threads. A child's change log and summary depend only on
 * its own stream (the feed clock is per child), so each thread applies the streams that hash to
 * it (the store's readPartition capability) into the new generation, through its own connection
 * (partition 0 runs on the calling thread with its connection); rows are keyed by log position, so
 * the change log is the same rows at the same positions whichever thread wrote them, and in
 * whatever order. Writes take turns (WriteLock) and each is a short transaction.
 *
 * Each thread reads its streams one after another (order 'stream'), not the log in order: a
 * child's events are then folded in one pass, never dropped from the kept children and read back
 * from its row (summary parsed, flags derived again) in every batch its events reach, as in a log
 * written over years with every child's events mixed in time.
 *
 * The generation's checkpoint is not moved while the threads run: the coordinator sets it to the
 * position they read up to once all are done, and the rebuild catches up from there on one thread.
 * A rebuild killed meanwhile leaves a generation that is never served; the next rebuild drops it.
 */
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  startWorkerBeside,
  type EventStore,
  type LogPartitionRange,
  type StoreConfig,
} from '@care-journey/event-store';
import type { Worker } from 'node:worker_threads';
import { applyLogPartition } from './partition-apply';
import type { ReadModelStore } from './read-model-store';
import { REBUILD_READ_AHEAD } from './rebuild-batch';
import type { PartitionMessage, PartitionSettings } from './rebuild-partition.wire';
import { WriteLock } from './write-lock';

/**
 * Below this many events per thread the rebuild stays on one thread: a partition thread costs
 * ~0.6 s of CPU to load the engine's modules and its code runs cold at first. Measured on the
 * loaded 2-core machine, two threads lost at 22,000 and 60,000 events and won at 200,000 and
 * 1,000,000.
 */
export const MIN_EVENTS_PER_THREAD = 50_000;

/** Threads a rebuild uses unless told otherwise: two where there are two cores (see rebuildThreads). */
export const defaultRebuildThreads = (): number => Math.min(2, availableParallelism());

export interface PartitionPlan {
  /** How each partition thread opens the event store (its sharedConfig). */
  eventStore: StoreConfig;
  readModelFile: string;
  generation: number;
  /** Every partition reads the log up to here (the head when the rebuild started). */
  upTo: bigint;
  threads: number;
  batchSize: number;
  /** Most events a batch reads ahead to (RebuildBatch). */
  readAhead: number;
}

/**
 * How to split this rebuild, or undefined to run it on one thread: asked for one thread, a store
 * that cannot be read by partition or opened by another thread (so far only a SQLite file can), a
 * read model in memory (threads cannot share it), or a small log.
 */
export function partitionPlan(
  eventStore: EventStore,
  readModels: ReadModelStore,
  generation: number,
  head: bigint | undefined,
  options: { threads: number; batchSize: number; readAhead?: number; minEventsPerThread?: number },
): PartitionPlan | undefined {
  if (options.threads < 2 || head === undefined) return undefined;
  const shared = eventStore.sharedConfig?.();
  if (!shared || !eventStore.readPartition) return undefined;
  if (readModels.file === ':memory:' || readModels.file === '') return undefined;
  if (head < BigInt(options.threads * (options.minEventsPerThread ?? MIN_EVENTS_PER_THREAD)))
    return undefined;
  return {
    eventStore: shared,
    readModelFile: readModels.file,
    generation,
    upTo: head,
    threads: options.threads,
    batchSize: options.batchSize,
    readAhead: options.readAhead ?? REBUILD_READ_AHEAD,
  };
}

export interface PartitionsProgress {
  /** Events applied by every thread together. */
  eventsDone: number;
  /** Every event at or below this position has been applied (the slowest thread's last). */
  position: bigint;
}

/**
 * Runs the plan to the end: partition 0 on this thread (yielding between batches, so an API
 * keeps serving), the others on worker threads. Resolves once all are done; if one fails, the
 * others are stopped and the promise rejects with its error (the caller discards the generation).
 */
export async function rebuildPartitions(
  plan: PartitionPlan,
  eventStore: EventStore,
  readModels: ReadModelStore,
  onProgress: (progress: PartitionsProgress) => void,
): Promise<PartitionsProgress> {
  const lock = new WriteLock();
  const parts = Array.from({ length: plan.threads }, () => ({ events: 0, position: 0n, done: false }));
  const progress = (): PartitionsProgress => ({
    eventsDone: parts.reduce((sum, part) => sum + part.events, 0),
    position: parts.reduce((low, part) => {
      const at = part.done ? plan.upTo : part.position;
      return at < low ? at : low;
    }, plan.upTo),
  });
  let failure: Error | undefined;
  const workers: Worker[] = [];
  const others = new Promise<void>((resolve, reject) => {
    const fail = (error: Error): void => {
      failure ??= error;
      reject(failure);
    };
    for (let partition = 1; partition < plan.threads; partition++) {
      const part = parts[partition];
      const worker = startWorkerBeside(__dirname, 'rebuild-partition.worker', {
        ...settingsOf(plan, partition, readModels),
        lock: lock.buffer,
      } satisfies PartitionSettings);
      workers.push(worker);
      worker.on('message', (message: PartitionMessage) => {
        if (message.kind === 'failed') {
          const error = new Error(`Rebuild partition ${partition}: ${message.message}`);
          if (message.stack) error.stack = message.stack;
          fail(error);
          return;
        }
        part.events = message.events;
        if (message.kind === 'progress') part.position = BigInt(message.position);
        else part.done = true;
        if (parts.slice(1).every((each) => each.done)) resolve();
        else if (!failure) onProgress(progress());
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (!part.done) fail(new Error(`Rebuild partition ${partition} stopped (exit code ${code})`));
      });
    }
  });
  // Heard by the loop below at its next batch; the rejection itself is awaited after it.
  others.catch(() => undefined);
  try {
    const first = parts[0];
    await applyLogPartition(
      eventStore,
      readModels,
      {
        generation: plan.generation,
        range: rangeOf(plan, 0),
        batchSize: plan.batchSize,
        readAhead: plan.readAhead,
        lock,
      },
      async (events, position) => {
        if (failure) throw failure;
        first.events = events;
        first.position = position;
        onProgress(progress());
        // Let the other threads' messages in, and an API answer requests, between batches.
        await nextTurn();
      },
    );
    first.done = true;
    if (plan.threads > 1) await others;
    return progress();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

const rangeOf = (plan: PartitionPlan, partition: number): LogPartitionRange => ({
  partition,
  partitions: plan.threads,
  after: -1n,
  upTo: plan.upTo,
  order: 'stream',
});

function settingsOf(
  plan: PartitionPlan,
  partition: number,
  readModels: ReadModelStore,
): Omit<PartitionSettings, 'lock'> {
  return {
    eventStore: plan.eventStore,
    readModelFile: plan.readModelFile,
    generation: plan.generation,
    partition,
    partitions: plan.threads,
    upTo: plan.upTo.toString(),
    batchSize: plan.batchSize,
    readAhead: plan.readAhead,
    drift: readModels.driftConfig,
  };
}
