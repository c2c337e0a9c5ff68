/**
 * Which global positions a restore must keep from being given out again, and what to tell the
 * consumers that hold checkpoints (`/events`, `/feed`: their checkpoints are global positions).
 *
 * A backup ends before the store it replaces did. Continued from the backup's head, the log would
 * hand the lost store's last positions to new events, and a reporting job whose checkpoint is past
 * the backup's head would skip them without a sign. So a restore continues after the highest
 * position the old log is known to have reached: the replaced store's head, or `--continue-after`.
 * When neither is known it refuses, unless the operator says with `--reuse-positions` that no
 * consumer holds a checkpoint past the backup's head.
 */

/** What the restore knows of the log it replaces. */
export interface ReplacedLog {
  /** The head of the store being replaced, read from it; undefined when there is none or it cannot be read. */
  head?: bigint;
  /** Why the replaced store's head is not known (no store at the path, or the reason it could not be read). */
  unknownBecause?: string;
  /** `--continue-after`: the highest position the lost log reached (or any job's checkpoint). */
  continueAfter?: bigint;
  /** `--reuse-positions`: the operator knows that no consumer holds a checkpoint past the backup's head. */
  reusePositions: boolean;
}

export type PositionsPlan =
  /** New events go after `lastGivenOut` (the restored head, or past it when the old log went further). */
  | { kind: 'continue'; lastGivenOut: bigint }
  /** The old log's end is unknown and the operator accepted that positions after the backup's head are given out again. */
  | { kind: 'reuse' }
  /** The old log's end is unknown: refused, nothing changed. */
  | { kind: 'refuse'; message: string };

/** The highest position the old log is known to have given out, if any. */
const highest = (...positions: (bigint | undefined)[]): bigint | undefined =>
  positions
    .filter((p): p is bigint => p !== undefined)
    .reduce<bigint | undefined>((max, p) => (max === undefined || p > max ? p : max), undefined);

export function planPositions(restoredHead: bigint, log: ReplacedLog, target: string): PositionsPlan {
  const known = highest(log.head, log.continueAfter);
  if (known !== undefined)
    return { kind: 'continue', lastGivenOut: known > restoredHead ? known : restoredHead };
  if (log.reusePositions) return { kind: 'reuse' };
  return {
    kind: 'refuse',
    message:
      `restore: the head of the log being replaced is not known (${log.unknownBecause ?? `no store at ${target}`}), ` +
      `so positions after the backup's head (${restoredHead}) may already have been given out: new events would get them again, ` +
      `and a reporting job (/events, /feed) whose checkpoint is past ${restoredHead} would skip those events without a sign. ` +
      `Pass --continue-after <position> (the lost store's last head, or the highest checkpoint any job holds), ` +
      `or --reuse-positions if no job holds a checkpoint past ${restoredHead}. Nothing was changed`,
  };
}

/** What consumers holding checkpoints must know, printed after every restore. */
export function consumerNotice(restoredHead: bigint, plan: PositionsPlan, markerAt?: bigint): string {
  const carryOn = `reporting jobs (/events, /feed): a checkpoint up to ${restoredHead} (the backup's head) carries on`;
  if (plan.kind === 'reuse')
    return (
      `${carryOn}; positions after ${restoredHead} are given out again (--reuse-positions${markerAt === undefined ? '' : `, StoreRestored recorded at ${markerAt}`}): ` +
      `a checkpoint from before the restore that is past ${restoredHead} names other events now; set such a job back to ${restoredHead}`
    );
  if (plan.kind !== 'continue' || plan.lastGivenOut <= restoredHead)
    return `${carryOn}; new events start after ${restoredHead}`;
  return (
    `${carryOn}; a checkpoint in ${restoredHead + 1n}–${plan.lastGivenOut} read events this store no longer has: reconcile that job, ` +
    `then carry on from it; new events start after ${markerAt ?? plan.lastGivenOut}`
  );
}
