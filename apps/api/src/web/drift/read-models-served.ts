import type { ProjectionEngine, ProjectionLag } from '@care-journey/projections';
import { formatInstant } from '../html/format';

/**
 * How far the read models a drift report was built from had got through the event log. The report
 * is read from the read models, not the log: while they catch up (a fresh start, a rebuild, a
 * realign after a restore) it holds only the children and steps projected so far. Every surface
 * says so (the page's banner, the API's `readModels`, `-incomplete` in the CSV's file name) and the
 * read-access trail keeps it with the read, so an auditor can tell what the panel was shown.
 */
export interface ReadModelsServed {
  /** True when the read models held the head of the log: nothing recorded was left out. */
  complete: boolean;
  /** The last log position in the read models the report was built from (decimal string), null before any. */
  position: string | null;
  /** The head of the event log when the request came, null when it was empty. */
  head: string | null;
  /** Log entries recorded by then but not in the read models (head − position; the head when misaligned). */
  behind: string;
  /** Why they are behind, when they are. */
  reason?: 'catching up' | 'rebuilding' | 'realigning';
  /** When the catch-up began, when the read models know it (a running rebuild's start). */
  since?: string;
}

/**
 * How long a report waits for the read models to reach the head it saw before it is answered as
 * incomplete. Short: the trail entry of the previous read or a burst of commands is applied within
 * it, while a start-up catch-up of a large log is not, and a page must not hang for it.
 */
export const CATCH_UP_WAIT_MS = 1_000;

/** What the drift report needs of the projection engine: its lag, its checkpoint, a bounded wait. */
export type ServedEngine = Pick<ProjectionEngine, 'lag' | 'checkpoint' | 'waitForPosition'>;

/**
 * Reads where the read models are, waiting up to `waitMs` for them to reach the head of the log as
 * the request found it. Complete means everything recorded before the request came is in them;
 * what is recorded while it is answered is not counted against it (it would mark a report
 * incomplete for another reader's trail entry). Call it just before the summaries are read: the
 * position is the engine's checkpoint read last. One lag() (the head and the log tie: no scan of
 * the log), whether or not it waits.
 */
export async function readModelsServed(
  engine: ServedEngine,
  waitMs = CATCH_UP_WAIT_MS,
): Promise<ReadModelsServed> {
  const lag = await engine.lag();
  if (lag.lag !== '0' && lag.head !== null && !lag.misaligned)
    await engine.waitForPosition(BigInt(lag.head), waitMs);
  return servedFrom(lag, engine.checkpoint());
}

/** The report's position: the checkpoint read last (it only moves forward), against the lag's head. */
export function servedFrom(lag: ProjectionLag, checkpointNow: bigint | undefined): ReadModelsServed {
  const head = lag.head === null ? undefined : BigInt(lag.head);
  const latest = checkpointNow ?? (lag.checkpoint === null ? undefined : BigInt(lag.checkpoint));
  const position = lag.misaligned ? undefined : latest;
  const behind = head === undefined ? 0n : head - (position ?? 0n);
  const served: ReadModelsServed = {
    complete: behind <= 0n,
    position: position?.toString() ?? null,
    head: lag.head,
    behind: (behind > 0n ? behind : 0n).toString(),
  };
  if (served.complete) return served;
  if (lag.misaligned) return { ...served, reason: 'realigning' };
  if (lag.rebuilding && 'state' in lag.rebuilding && lag.rebuilding.state === 'running')
    return { ...served, reason: 'rebuilding', since: lag.rebuilding.startedAt };
  return { ...served, reason: 'catching up' };
}

/** The banner's words: that the report is incomplete, by how much, and since when if known. */
export function incompleteText(served: ReadModelsServed): string {
  const since = served.since ? ` since ${formatInstant(served.since)}` : '';
  const entries =
    served.behind === '1' ? '1 entry' : `${Number(served.behind).toLocaleString('en-GB')} entries`;
  return `This report is incomplete: the read models are ${served.reason ?? 'catching up'}${since}, and ${entries} recorded in the log ${served.behind === '1' ? 'is' : 'are'} not yet in it (built from the log up to position ${served.position ?? 'none'} of ${served.head ?? 'none'}). Children and steps recorded in those entries are missing. Reload the page in a moment.`;
}

/** The CSV's file name says it too: the file travels without the page. */
export const incompleteMarker = (served: ReadModelsServed): string => (served.complete ? '' : '-incomplete');
