/**
 * Folding one child's new events into its read model: its summary, event by event, with what each
 * event changed in the child's view (as at the feed clock) written to the change log. Children are
 * kept in memory between batches, so the next batch need not read and parse them again.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import { isCorrection, type CalendarDate, type StoredJourneyEvent } from '@care-journey/journey';
import type { ChildView } from '../feed/change-record';
import { childView, ViewParts } from '../feed/child-view';
import { diffViews } from '../feed/diff-views';
import { clockAfter } from '../feed/feed-clock';
import { FlagTracker } from '../feed/flag-tracker';
import { heldToJson, withHeld } from '../feed/held-facts';
import type { DriftConfig } from '../rules/drift-config';
import { emptySummary, type JourneySummary } from '../summary/journey-summary';
import type { ReadModelFile } from './read-model-store-file';
import { toStoredJourneyEvent } from './journey-event-record';
import type { RowWriter } from './pending-rows';
import { PerEventFold } from './per-event-fold';
import { tablesOf } from './read-model-schema';
import { sameSummaryColumns, summaryColumns, type SummaryColumns } from './summary-row';

/**
 * A child's stream as stored, its first `count` events (the read model's view of the event store),
 * or undefined when the caller did not read it.
 */
export type StreamSource = (childId: string, count: number) => readonly StoredJourneyEvent[] | undefined;

/** A refold needed a child's stream that the batch was not given: read it and apply again. */
export class StreamNeeded extends Error {
  override readonly name = 'StreamNeeded';
  constructor(
    readonly childId: string,
    readonly count: number,
  ) {
    super(`The stream of child ${childId} (its first ${count} events) is needed to apply this batch`);
  }
}

/**
 * A child as the live projector left it after its last batch: the fold (summary), the flag
 * tracker, the feed clock and the view the next event is diffed against. Saves reading and
 * parsing the child's stored events and summary, and deriving its flags again, per event.
 */
interface KeptChild {
  generation: number;
  /** The summary row's last_position when this was kept: any other write to the child shows there. */
  lastPosition: bigint;
  /** The summary row's indexed columns as in the file (undefined: no row yet). */
  columns: SummaryColumns | undefined;
  fold: PerEventFold;
  flags: FlagTracker;
  parts: ViewParts;
  clock: CalendarDate | undefined;
  view: ChildView | undefined;
}

/** A kept child's summary row as the file holds it: stream_count, latest_effective, last_position. */
export interface KeptPoint {
  count: number;
  latest: string;
  after: bigint;
}

/** Read with safeIntegers (positionStmt): every integer column is a bigint. */
interface StreamRow {
  child_ref: string;
  team: string | null;
  social_worker: string | null;
  legal_status: string | null;
  in_care: bigint;
  date_of_birth: string | null;
  summary: string;
  last_position: bigint;
  stream_count: bigint;
  latest_effective: string;
  clock: string | null;
  feed_held: string | null;
}

/** Children kept between batches (least recently projected dropped first). */
const LIVE_CHILDREN = 4_096;
/**
 * A rebuild reads the log in order: a child kept only has to outlast the batches its events span
 * (close together in a log written child by child), and every child kept is memory a rebuild of a
 * million events has to stay within.
 */
export const REBUILD_CHILDREN = 256;

const keptKey = (generation: number, childId: string): string => `${generation}/${childId}`;

export class ChildFolds {
  /** Children kept by the live projector's batches and by a rebuild's (see REBUILD_CHILDREN). */
  private readonly kept = { live: new Map<string, KeptChild>(), rebuild: new Map<string, KeptChild>() };
  /** The children kept for the batch being applied (the live projector's or a rebuild's). */
  private batchKept = this.kept.live;
  private keepAtMost = LIVE_CHILDREN;
  /**
   * The streams given with the batch being applied. A field, not an argument: a kept child's fold
   * reads its stream when a later batch refolds it, from that batch's streams.
   */
  private streams: StreamSource | undefined;
  /**
   * SQLite's data_version as read by the last batch applied (undefined: none, or it failed), and as
   * read by the batch under way (once, at its first child). It changes only when another
   * connection commits; summaries are written on this connection only through these folds, so
   * while it has not changed every kept child is as the file holds it, and is used without reading
   * its row back (a look-up per child per batch).
   */
  private versionOfLastBatch: number | undefined;
  private versionOfBatch: number | undefined;

  constructor(
    private readonly file: ReadModelFile,
    private readonly drift: DriftConfig,
  ) {}

  /**
   * Runs `apply` as one batch: the live projector's (`live`) or a rebuild's children are kept, and
   * refolds read from `streams`. A batch that fails is rolled back, so nothing it folded is kept.
   */
  inBatch<T>(live: boolean, streams: StreamSource | undefined, apply: () => T): T {
    this.streams = streams;
    this.batchKept = live ? this.kept.live : this.kept.rebuild;
    this.keepAtMost = live ? LIVE_CHILDREN : REBUILD_CHILDREN;
    this.versionOfBatch = undefined;
    try {
      const result = apply();
      this.versionOfLastBatch = this.versionOfBatch;
      return result;
    } catch (error) {
      // Rolled back: what the batch folded in memory is not in the file.
      this.forget();
      this.versionOfLastBatch = undefined;
      throw error;
    } finally {
      this.streams = undefined;
    }
  }

  /**
   * Folds the child's new events into its summary event by event and writes what each event
   * changed in the child's view (as at the feed clock) to `rows`, then the final summary once.
   */
  apply(generation: number, childId: string, events: readonly RecordedEvent[], rows: RowWriter): void {
    const child = this.keptChild(generation, childId) ?? this.loadChild(generation, childId);
    const { fold, flags, parts } = child;
    let { clock, view } = child;
    let lastPosition = child.lastPosition;
    for (const event of events) {
      // Already applied (a replay): neither folded nor logged twice.
      const position = event.globalPosition;
      if (position <= lastPosition) continue;
      lastPosition = position;
      const journeyEvent = toStoredJourneyEvent(event);
      clock = clockAfter(clock, journeyEvent);
      const summary = fold.next(journeyEvent);
      flags.changed(fold.changed, summary, fold.latestDate, fold.changedFrom);
      parts.changed(fold.changed);
      const next = childView(summary, clock, this.drift, flags, parts);
      const cause = {
        correction: isCorrection(journeyEvent),
        effectiveDate: journeyEvent.data.effectiveDate,
        summary,
        config: this.drift,
      };
      rows.changes(event.globalPosition, event.id, diffViews(childId, view, next, cause));
      view = next;
    }
    if (lastPosition === child.lastPosition) return;
    const summary = fold.summary;
    const columns = summaryColumns(summary);
    const row = {
      child_id: childId,
      ...columns,
      last_position: lastPosition,
      summary: JSON.stringify(summary),
      stream_count: fold.count,
      latest_effective: fold.latest,
      clock: clock ?? null,
      feed_held: heldToJson(view),
    };
    if (child.columns !== undefined && sameSummaryColumns(child.columns, columns))
      rows.summaryKeepingIndexed(row);
    else rows.summary(row);
    const count = fold.count;
    fold.resume(() => this.streamOf(childId, count));
    const key = keptKey(generation, childId);
    this.batchKept.delete(key);
    this.batchKept.set(key, { generation, lastPosition, columns, fold, flags, parts, clock, view });
    if (this.batchKept.size > this.keepAtMost)
      this.batchKept.delete(this.batchKept.keys().next().value as string);
  }

  /**
   * For planning a batch (streamsNeeded, in its own read transaction): where each kept child's fold
   * stands — the file's stream_count, latest_effective and last_position — while no other
   * connection has written the file since the last batch; undefined when one has (look them up).
   */
  keptPoints(generation: number): ((childId: string) => KeptPoint | undefined) | undefined {
    if (this.versionOfLastBatch === undefined || this.file.dataVersion() !== this.versionOfLastBatch)
      return undefined;
    return (childId) => {
      const key = keptKey(generation, childId);
      const child = this.kept.live.get(key) ?? this.kept.rebuild.get(key);
      return child && { count: child.fold.count, latest: child.fold.latest, after: child.lastPosition };
    };
  }

  /** Drops every kept child (a batch rolled back, a generation dropped). */
  forget(): void {
    this.kept.live.clear();
    this.kept.rebuild.clear();
  }

  /** The child's first `count` events, from the streams given with the batch being applied. */
  private streamOf(childId: string, count: number): readonly StoredJourneyEvent[] {
    const stream = this.streams?.(childId, count);
    if (stream === undefined || stream.length !== count) throw new StreamNeeded(childId, count);
    return stream;
  }

  /** The child as an earlier batch left it, if nothing else has written it since. */
  private keptChild(generation: number, childId: string): KeptChild | undefined {
    this.versionOfBatch ??= this.file.dataVersion();
    const key = keptKey(generation, childId);
    const child = this.batchKept.get(key);
    if (!child) return undefined;
    this.batchKept.delete(key);
    if (this.versionOfBatch === this.versionOfLastBatch) return child;
    const { summaries } = tablesOf(generation);
    const row = this.file
      .positionStmt(`SELECT last_position FROM ${summaries} WHERE child_id = ?`)
      .get(childId) as { last_position: bigint } | undefined;
    return row !== undefined && row.last_position === child.lastPosition ? child : undefined;
  }

  /** The child from the file: its summary, what is known of its stream, and its view as at its clock. */
  private loadChild(generation: number, childId: string): KeptChild {
    const { summaries } = tablesOf(generation);
    const row = this.file
      .positionStmt(
        `SELECT child_ref, team, social_worker, legal_status, in_care, date_of_birth,
                summary, last_position, stream_count, latest_effective, clock, feed_held
           FROM ${summaries} WHERE child_id = ?`,
      )
      .get(childId) as StreamRow | undefined;
    const flags = new FlagTracker(this.drift);
    const parts = new ViewParts();
    if (row === undefined)
      return {
        generation,
        lastPosition: -1n,
        columns: undefined,
        fold: new PerEventFold(childId, [], emptySummary(childId)),
        flags,
        parts,
        clock: undefined,
        view: undefined,
      };
    const count = Number(row.stream_count);
    const fold = PerEventFold.resumed(
      childId,
      JSON.parse(row.summary) as JourneySummary,
      { count, latest: row.latest_effective },
      () => this.streamOf(childId, count),
    );
    const clock = row.clock ?? undefined;
    const made = clock === undefined ? undefined : childView(fold.summary, clock, this.drift, flags, parts);
    const view = withHeld(made, row.feed_held);
    const columns: SummaryColumns = {
      child_ref: row.child_ref,
      team: row.team,
      social_worker: row.social_worker,
      legal_status: row.legal_status,
      in_care: row.in_care === 1n ? 1 : 0,
      date_of_birth: row.date_of_birth,
    };
    return { generation, lastPosition: row.last_position, columns, fold, flags, parts, clock, view };
  }
}
