/**
 * Applying one partition of the log to a rebuild's generation, batch by batch: the loop a
 * partition thread runs, and the calling thread runs for partition 0 (its modules are loaded
 * and warm already, so a rebuild on n threads starts only n − 1).
 */
import type { EventStore, LogPartitionRange } from '@care-journey/event-store';
import { applyFromStore } from './apply-from-store';
import type { ReadModelStore } from './read-model-store';
import { RebuildBatch } from './rebuild-batch';
import type { WriteLock } from './write-lock';

export interface PartitionRun {
  generation: number;
  range: LogPartitionRange;
  /** Events of this partition per batch, read on up to `readAhead` (RebuildBatch). */
  batchSize: number;
  readAhead: number;
  lock: WriteLock;
}

/**
 * Applies every batch of the partition; `afterBatch` hears how many events are done and the
 * position every event of the partition at or below has been applied (the batch's last in log
 * order; read stream by stream, the range's start until the last batch) (and may pause or stop
 * the loop by what it returns or throws). Resolves with the count.
 */
export async function applyLogPartition(
  eventStore: EventStore,
  readModels: ReadModelStore,
  run: PartitionRun,
  afterBatch: (events: number, position: bigint) => void | Promise<void>,
): Promise<number> {
  if (!eventStore.readPartition) throw new Error('This event store cannot read the log by partition');
  let events = 0;
  const inStreamOrder = run.range.order === 'stream';
  const start = run.range.after < 0n ? 0n : run.range.after;
  const reading = new RebuildBatch(run.batchSize, run.readAhead);
  const apply = async (): Promise<void> => {
    const batch = reading.take();
    await applyFromStore(eventStore, readModels, run.generation, batch, {
      requireCurrent: false,
      partition: { lock: run.lock },
    });
    events += batch.length;
    await afterBatch(events, inStreamOrder ? start : batch[batch.length - 1].globalPosition);
  };
  for (const page of eventStore.readPartition(run.range, run.batchSize))
    for (const event of page) {
      reading.add(event);
      if (reading.full) await apply();
    }
  if (reading.events.length > 0) await apply();
  return events;
}
