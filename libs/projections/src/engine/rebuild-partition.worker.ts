/**
 * One partition thread of a rebuild (see partitioned-rebuild.ts): reads its streams' events from
 * the log, applies them batch by batch to the new generation through its own connection, and
 * reports progress. Started by startWorkerBeside, so it runs compiled or from TypeScript sources.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@care-journey/event-store';
import { applyFromStore } from './apply-from-store';
import { readLogPartition } from './log-partition';
import { ReadModelStore } from './read-model-store';
import type { PartitionMessage, PartitionSettings } from './rebuild-partition.wire';
import { WriteLock } from './write-lock';

const say = (message: PartitionMessage): void => parentPort?.postMessage(message);

async function run(settings: PartitionSettings): Promise<number> {
  const readModels = new ReadModelStore(settings.readModelFile, { drift: settings.drift });
  // Only read from (a refold's stream); the log is read directly, by partition.
  const eventStore = new SqliteEventStore({ file: settings.eventStoreFile });
  const lock = new WriteLock(settings.lock);
  let events = 0;
  try {
    const range = {
      file: settings.eventStoreFile,
      partition: settings.partition,
      partitions: settings.partitions,
      after: -1n,
      upTo: BigInt(settings.upTo),
    };
    for (const batch of readLogPartition(range, settings.batchSize)) {
      await applyFromStore(eventStore, readModels, settings.generation, batch, {
        requireCurrent: false,
        partition: { lock },
      });
      events += batch.length;
      say({ kind: 'progress', events, position: batch[batch.length - 1].globalPosition.toString() });
    }
    return events;
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
