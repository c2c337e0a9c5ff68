/**
 * One partition thread of a rebuild (see partitioned-rebuild.ts): applies its streams' events to
 * the new generation through connections of its own and reports progress after each batch.
 * Started by startWorkerBeside, so it runs compiled or from TypeScript sources.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEventStore } from '@care-journey/event-store';
import { applyLogPartition } from './partition-apply';
import { ReadModelStore } from './read-model-store';
import { REBUILD_WAL_PAGES } from './rebuild';
import type { PartitionMessage, PartitionSettings } from './rebuild-partition.wire';
import { WriteLock } from './write-lock';

const say = (message: PartitionMessage): void => parentPort?.postMessage(message);

async function run(settings: PartitionSettings): Promise<number> {
  const readModels = new ReadModelStore(settings.readModelFile, { drift: settings.drift });
  readModels.walCheckpointEvery(REBUILD_WAL_PAGES);
  // Only read from (a refold's stream, and the log by partition).
  const eventStore = await createEventStore(settings.eventStore, { readsOnly: true });
  try {
    const range = {
      partition: settings.partition,
      partitions: settings.partitions,
      after: -1n,
      upTo: BigInt(settings.upTo),
      order: 'stream' as const,
    };
    const lock = new WriteLock(settings.lock);
    return await applyLogPartition(
      eventStore,
      readModels,
      {
        generation: settings.generation,
        range,
        batchSize: settings.batchSize,
        readAhead: settings.readAhead,
        lock,
      },
      (events, position) => say({ kind: 'progress', events, position: position.toString() }),
    );
  } finally {
    readModels.close();
    await eventStore.close();
  }
}

run((workerData as { settings: PartitionSettings }).settings).then(
  (events) => say({ kind: 'done', events }),
  (error: unknown) =>
    say({
      kind: 'failed',
      message: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    }),
);
