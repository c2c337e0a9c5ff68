import { ConflictException, HttpStatus } from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import { refuseCheckpointFromBeforeRestore } from './checkpoint-before-restore';

/**
 * A checkpoint past the log's head was not handed out by this log: it comes from a store since
 * replaced (a restore from an older backup) or from another deployment. Answering "nothing new"
 * would let the job skip every event written until the head passes its checkpoint, so it is told.
 */
export class CheckpointAheadOfLog extends ConflictException {
  constructor(
    after: string,
    head: bigint | undefined,
    field: 'after' | 'minPosition' | 'atPosition' = 'after',
  ) {
    super({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      message:
        `${field} ${after} is past the log's head (${head?.toString() ?? 'empty log'}): this position was not ` +
        "given out by this log (was the store restored from a backup, or is it another deployment's?). " +
        'See docs/reporting.md, "After a restore"',
      rule: 'checkpoint-ahead-of-log',
      field,
    });
    this.name = 'CheckpointAheadOfLog';
  }
}

/**
 * Refuses a checkpoint ("1200" or the feed's "1200.3") whose position is past the store's head, or
 * (`after`) that the log gave out before a restore which gave its positions out again
 * (checkpoint-before-restore.ts). For `minPosition` too (review s14 F8): waiting for a position the
 * log never gave out ended in a 503 "retry shortly", and a job retried for ever.
 */
export async function refuseCheckpointAheadOfLog(
  store: EventStore,
  after: string | undefined,
  field: 'after' | 'minPosition' | 'atPosition' = 'after',
): Promise<void> {
  if (after === undefined) return;
  const position = BigInt(after.split('.')[0]);
  const head = await store.headPosition();
  if (position > (head ?? 0n)) throw new CheckpointAheadOfLog(after, head, field);
  if (field === 'after') await refuseCheckpointFromBeforeRestore(store, after, position);
}
