/**
 * The tie between a read-model generation and the event log it was projected from (review F2).
 * A checkpoint alone is a number: after a restore (`--no-rebuild`, or a rebuild that failed), or
 * with a read-model file pointed at another store, it can be past the log's head or name other
 * events, and a projector resuming after it skips every new event up to it. So each checkpoint is
 * stored with the id of its event (same statement, same transaction), and before the projector
 * resumes (and in the lag report) the log is asked whether it holds that event at that position.
 *
 * Checked at start and resume only: one read of the log, never per event or per batch.
 */
import type { EventStore } from '@care-journey/event-store';

/** A generation's checkpoint and the event it is tied to, as the read-model file holds them. */
export interface LogTie {
  generation: number;
  /** Last position applied; absent before the first batch. */
  checkpoint?: bigint;
  /**
   * The event at `position` has `eventId`; `position` is the checkpoint, or below it when an older
   * build moved the checkpoint without the tie. Absent in files written before ties existed.
   */
  tiedTo?: { position: bigint; eventId: string };
}

/** Why read models do not belong to the log (public in /health/projections: no positions or ids). */
export type MisalignedReason =
  | 'checkpoint past the head of the log'
  | 'the log holds other events at the checkpoint'
  | 'the log holds no event at the checkpoint';

export type LogTieCheck =
  | { aligned: true; reason?: never; detail?: never; adopt?: never }
  /** Aligned as far as can be told, but the tie is not (yet) the checkpoint's: tie it to `adopt`. */
  | { aligned: true; adopt: { position: bigint; eventId: string }; reason?: never; detail?: never }
  /** `detail` names positions and ids (for the log and admins). */
  | { aligned: false; reason: MisalignedReason; detail: string; adopt?: never };

/** Why a served generation was started afresh from position 0, kept in the file with it. */
export interface Realigned {
  /** The generation started afresh. */
  generation: number;
  /** The misaligned generation it replaced (dropped). */
  discarded: number;
  reason: MisalignedReason;
  at: string;
}

export const realignedKey = (generation: number): string => `realigned_g${generation}`;

/**
 * The ids of the events at exactly `position` (none when the log holds none there). Asked of the
 * store (eventsAt), never read from `position - 1`: on EventStoreDB that is inside another record,
 * a start the server refuses.
 */
export async function eventIdsAt(store: EventStore, position: bigint): Promise<string[]> {
  return (await store.eventsAt(position)).map((event) => event.id);
}

/**
 * Does the log hold what `tie` says the read models were projected from? `head` is the log's head,
 * read after the tie (so a checkpoint past it is not a race with the projector).
 */
export async function checkLogTie(
  store: EventStore,
  tie: LogTie,
  head: bigint | undefined,
): Promise<LogTieCheck> {
  const { checkpoint, tiedTo } = tie;
  if (checkpoint === undefined) return { aligned: true };
  if (head === undefined || checkpoint > head)
    return {
      aligned: false,
      reason: 'checkpoint past the head of the log',
      detail: `checkpoint ${checkpoint} is past the head of the log (${head ?? 'empty log'})`,
    };
  if (tiedTo) {
    const ids = await eventIdsAt(store, tiedTo.position);
    if (!ids.includes(tiedTo.eventId))
      return {
        aligned: false,
        reason:
          ids.length === 0
            ? 'the log holds no event at the checkpoint'
            : 'the log holds other events at the checkpoint',
        detail:
          `the read models applied event ${tiedTo.eventId} at position ${tiedTo.position}; ` +
          `the log holds ${ids.length === 0 ? 'no event' : ids.join(', ')} there`,
      };
    if (tiedTo.position === checkpoint) return { aligned: true };
  }
  // No tie at the checkpoint itself (an older file or build): a checkpoint is always an event's position.
  const ids = await eventIdsAt(store, checkpoint);
  if (ids.length === 0)
    return {
      aligned: false,
      reason: 'the log holds no event at the checkpoint',
      detail: `the log holds no event at checkpoint ${checkpoint}`,
    };
  return { aligned: true, adopt: { position: checkpoint, eventId: ids[ids.length - 1] } };
}
