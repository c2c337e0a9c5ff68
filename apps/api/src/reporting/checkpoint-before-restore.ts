import { ConflictException, HttpStatus } from '@nestjs/common';
import { readStreamOrEmpty, type EventStore } from '@care-journey/event-store';

/** Where restores are recorded (`care-journey restore`, `care-journey restored-head`). */
const STORE_RESTORES_STREAM = 'store-restores';

/** A restore after which positions past its head were given out again (`positionsReusedFrom`). */
interface ReusingRestore {
  restoredHead: string;
  reusedFrom: bigint;
  recordedAt: bigint;
}

/**
 * A checkpoint given out by the log before a restore that gave its positions out again (review
 * s12-ops F6: EventStoreDB, whose restored node writes on from the backup's position, or SQLite's
 * `restore --reuse-positions`). Served, it would skip every event written since the restore up to it.
 */
export class CheckpointFromBeforeRestore extends ConflictException {
  constructor(after: string, restore: ReusingRestore) {
    super({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      message:
        `after ${after} names no event of this log: the store was restored to position ${restore.restoredHead} ` +
        `(StoreRestored at ${restore.recordedAt.toString()}) and positions after it were given out again, so this ` +
        `checkpoint is from before the restore. Set the job's checkpoint back to ${restore.restoredHead} and drop what ` +
        'it built from events after it (they are no longer in the log). See docs/reporting.md, "After a restore"',
      rule: 'checkpoint-before-restore',
      field: 'after',
    });
    this.name = 'CheckpointFromBeforeRestore';
  }
}

async function reusingRestores(store: EventStore): Promise<ReusingRestore[]> {
  const found: ReusingRestore[] = [];
  for await (const event of readStreamOrEmpty(store, STORE_RESTORES_STREAM)) {
    const data = event.data as { restoredHead?: unknown; positionsReusedFrom?: unknown };
    if (event.type !== 'StoreRestored' || typeof data.positionsReusedFrom !== 'string') continue;
    found.push({
      restoredHead: String(data.restoredHead),
      reusedFrom: BigInt(data.positionsReusedFrom),
      recordedAt: event.globalPosition,
    });
  }
  return found;
}

/**
 * Refuses a checkpoint position at or after a recorded restore's reused positions when the log holds
 * no event there: every checkpoint this log gives out is an event's position, so such a checkpoint
 * was given out by the log before the restore. One read of the (small) restores stream per call, and
 * one look at the log only when a restore reused positions before the checkpoint. A checkpoint from
 * before the restore that falls exactly on a new event's position cannot be told apart: the runbook's
 * reset of the jobs' checkpoints (docs/guarantees.md) stays the first defence.
 */
export async function refuseCheckpointFromBeforeRestore(
  store: EventStore,
  after: string,
  position: bigint,
): Promise<void> {
  const restore = (await reusingRestores(store)).find(({ reusedFrom }) => position >= reusedFrom);
  if (restore === undefined) return;
  if ((await store.eventsAt(position)).length === 0) throw new CheckpointFromBeforeRestore(after, restore);
}
