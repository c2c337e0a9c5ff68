/**
 * Global positions a SQLite log should hold but does not. The log's `global_position` is the
 * rowid without AUTOINCREMENT, and nothing deletes: every append takes the head + 1, so the
 * positions from 1 to the head are all there. Rows deleted behind the store's back leave a hole,
 * whatever stream they were in. The one hole the application leaves on purpose is a restore's:
 * positions the replaced store had and the backup had not (restore.command.ts), kept unused, and
 * recorded by the `StoreRestored` event appended straight after them, which names them
 * (`positionsNotInBackup`). Events cut off the end of the log leave no hole (the next append takes
 * their positions again): only a head anchor shows those.
 *
 * Fed the positions in log order, one comparison an event. EventStoreDB's positions are byte
 * offsets in its own log, not dense: this check is for SQLite only.
 */

export interface PositionGap {
  /** First missing position, as a decimal string. */
  from: string;
  /** Last missing position. */
  to: string;
  /** How many positions are missing (as a number: a hole of 2^53 events is not a concern). */
  events: number;
}

/** The restore marker's type and the field naming the positions it left unused. */
const STORE_RESTORED = 'StoreRestored';

interface PositionedEvent {
  globalPosition: bigint;
  type: string;
  data: unknown;
}

/** True when `event` is the restore marker that names exactly the hole `from`–`to`. */
function restoreLeft(event: PositionedEvent, from: bigint, to: bigint): boolean {
  if (event.type !== STORE_RESTORED || typeof event.data !== 'object' || event.data === null) return false;
  const range = (event.data as { positionsNotInBackup?: unknown }).positionsNotInBackup;
  if (typeof range !== 'object' || range === null) return false;
  const { from: markedFrom, to: markedTo } = range as { from?: unknown; to?: unknown };
  return markedFrom === from.toString() && markedTo === to.toString();
}

export class PositionGaps {
  private expected = 1n;
  readonly gaps: PositionGap[] = [];

  /** Takes the next event of the log (ascending positions). */
  see(event: PositionedEvent): void {
    const position = event.globalPosition;
    if (position > this.expected && !restoreLeft(event, this.expected, position - 1n))
      this.gaps.push({
        from: this.expected.toString(),
        to: (position - 1n).toString(),
        events: Number(position - this.expected),
      });
    this.expected = position + 1n;
  }
}

/** The words verify-store prints for a hole. */
export const describeGap = ({ from, to, events }: PositionGap): string =>
  `${from === to ? `position ${from} is` : `positions ${from}–${to} are`} missing from the log ` +
  `(${events} event${events === 1 ? '' : 's'} deleted: no restore left ${events === 1 ? 'it' : 'them'} unused)`;
