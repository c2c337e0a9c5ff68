/**
 * A page of the projection-change feed as NDJSON lines, for reporting jobs that consume it
 * incrementally: one change per line in log order, then {"checkpoint": "…"} to pass as `after`
 * next time. A short page means everything projected so far was read, so the checkpoint moves to
 * the read models' checkpoint even past events that changed nothing; with nothing new it stays.
 */
import type { ChangeRecord } from './change-record';
import { formatFeedCheckpoint, parseFeedCheckpoint, type FeedCheckpoint } from './feed-checkpoint';

/** One change as the log holds it: the event that made it and its place among that event's changes. */
export interface LoggedChange {
  position: bigint;
  index: number;
  eventId: string;
  change: ChangeRecord;
}

/** A page of the log read in one snapshot with the read models' checkpoint. */
export interface ChangeLogPage {
  changes: LoggedChange[];
  checkpoint: bigint | undefined;
  /** The log was added to an already-projected file: it holds only changes after this position. */
  startsAfter?: bigint;
  /** The content id the served log was written with (feed-content.ts); absent from readers without one. */
  content?: string;
}

export interface ChangeLogReader {
  changesAfter(after: FeedCheckpoint | undefined, limit: number): ChangeLogPage;
}

/** One NDJSON line: positions as decimal strings, the line's own checkpoint to resume after it. */
export interface FeedLine extends ChangeRecord {
  checkpoint: string;
  position: string;
  index: number;
  eventId: string;
}

export interface FeedPageOptions {
  /** A checkpoint from an earlier page ("1200" or "1200.3"); omit to read from the start. */
  after?: string;
  limit: number;
  /** Applied to each line before it is written (e.g. redaction for a role). */
  transform?: (line: FeedLine) => unknown;
}

export interface FeedPage {
  lines: string[];
  checkpoint: string;
  count: number;
  startsAfter?: string;
  /** The content id of the log read (feed-content.ts): a consumer keeps it with its checkpoint. */
  content?: string;
}

function nextCheckpoint(
  page: ChangeLogPage,
  after: FeedCheckpoint | undefined,
  limit: number,
): FeedCheckpoint | undefined {
  const last = page.changes.at(-1);
  const full = page.changes.length >= limit;
  if (!full && page.checkpoint !== undefined && (after === undefined || page.checkpoint >= after.position))
    return { position: page.checkpoint };
  return last ? { position: last.position, index: last.index } : after;
}

export function feedPage(reader: ChangeLogReader, options: FeedPageOptions): FeedPage {
  const after = options.after === undefined ? undefined : parseFeedCheckpoint(options.after);
  const page = reader.changesAfter(after, options.limit);
  const transform = options.transform ?? ((line: FeedLine) => line);
  const lines = page.changes.map(({ position, index, eventId, change }) =>
    JSON.stringify(
      transform({
        checkpoint: formatFeedCheckpoint({ position, index }),
        position: position.toString(),
        index,
        eventId,
        ...change,
      }),
    ),
  );
  const next = nextCheckpoint(page, after, options.limit);
  // Nothing projected yet (an empty store): "0", the start, which `after` takes back (review s14 F4).
  const checkpoint = next === undefined ? '0' : formatFeedCheckpoint(next);
  lines.push(
    JSON.stringify(page.content === undefined ? { checkpoint } : { checkpoint, content: page.content }),
  );
  return {
    lines,
    checkpoint,
    count: lines.length - 1,
    ...(page.content !== undefined && { content: page.content }),
    ...(page.startsAfter !== undefined && { startsAfter: page.startsAfter.toString() }),
  };
}
