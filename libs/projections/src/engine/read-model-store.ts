/**
 * The read-model SQLite file. Every batch of events is applied together with its checkpoint in
 * ONE transaction, so a crash can never apply an event twice or skip one; events at or below the
 * checkpoint are ignored, which makes a replayed batch harmless. The change log (the /feed) is
 * written in that same transaction: one diff of the child's view per event.
 *
 * No copy of the events is kept: a child whose events need a refold (a correction, a back-dated
 * entry) is given its stream by the caller (`streams`, read from the event store before the
 * transaction: see apply-from-store.ts; `streamsNeeded` says which).
 */
import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { type RecordedEvent } from '@care-journey/event-store';
import { createOwnerOnlyFile } from '@care-journey/event-store/sqlite';
import { isCorrection, type CalendarDate, type StoredJourneyEvent } from '@care-journey/journey';
import type { ChildView } from '../feed/change-record';
import { childView, ViewParts } from '../feed/child-view';
import { diffViews } from '../feed/diff-views';
import { FlagTracker } from '../feed/flag-tracker';
import { heldToJson, withHeld } from '../feed/held-facts';
import type { FeedCheckpoint } from '../feed/feed-checkpoint';
import { clockAfter } from '../feed/feed-clock';
import type { DriftConfig } from '../rules/drift-config';
import { emptySummary, type JourneySummary } from '../summary/journey-summary';
import type { ChangeLogPage, ChangeLogReader } from '../feed/feed-page';
import { insertChangesSql, readChanges } from './change-log';
import { childIdOf, toStoredJourneyEvent } from './journey-event-record';
import {
  CHANGE_ROWS_PER_INSERT,
  DirectRows,
  PendingRows,
  type ChangeInserts,
  type RowWriter,
} from './pending-rows';
import { advance, appendsAtEnd, PerEventFold, type FoldPoint } from './per-event-fold';
import { driftConfigFromEnv } from './read-model-config';
import { realignedKey, type LogTie, type Realigned } from './log-tie';
import {
  addLogTieColumns,
  createChangeLogTable,
  createGenerationTables,
  createSummaryIndexes,
  dropGenerationTables,
  hasTable,
  migrateEventCopy,
  addFeedHeldIfMissing,
  SHARED_SCHEMA,
  tablesOf,
  type StreamFacts,
} from './read-model-schema';
import type { RebuildProgress } from './rebuild';
import { deleteRebuildRecord, readRebuildRecord, writeRebuildRecord } from './rebuild-record';
import { summaryColumns } from './summary-row';
import type { WriteLock } from './write-lock';

/** The generation being written is no longer the one served (a rebuild switched): restart. */
export class GenerationChanged extends Error {
  override readonly name = 'GenerationChanged';
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Read-model generation changed from ${expected} to ${actual}`);
  }
}

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

export interface ApplyOptions {
  /** Refuse (GenerationChanged) when a rebuild has switched generations since the caller started. */
  requireCurrent: boolean;
  /** Children's streams for refolds (see streamsNeeded); none given: a refold throws StreamNeeded. */
  streams?: StreamSource;
  /**
   * One partition of a rebuild (see partitioned-rebuild.ts): the batch holds only its children's
   * events and is computed outside any transaction; its rows are written in a short one while
   * holding `lock`. The generation's checkpoint is not moved: the coordinator sets it once every
   * partition is done.
   */
  partition?: { lock: WriteLock };
}

/** A child whose stream must be read before a batch: its first `count` events. */
export interface StreamWanted {
  childId: string;
  count: number;
}

/** Read with safeIntegers (positionStmt): every integer column is a bigint. */
interface StreamRow {
  summary: string;
  last_position: bigint;
  stream_count: bigint;
  latest_effective: string;
  clock: string | null;
  feed_held: string | null;
}

export interface ApplyResult {
  applied: number;
  /** Events at or below the checkpoint, already applied before. */
  skipped: number;
  checkpoint: bigint | undefined;
}

export interface SummaryRecord {
  summary: JourneySummary;
  /** The global position of the child's last event applied: a bigint, as positions are everywhere. */
  lastPosition: bigint;
}

export interface ReadModelStoreOptions {
  /** Thresholds the change log evaluates flags with (default: CARE_JOURNEY_DRIFT_THRESHOLDS). */
  drift?: DriftConfig;
}

const changeLogStartKey = (generation: number): string => `change_log_start_g${generation}`;

/**
 * A child as the live projector left it after its last batch: the fold (summary), the flag
 * tracker, the feed clock and the view the next event is diffed against. Saves reading and
 * parsing the child's stored events and summary, and deriving its flags again, per event.
 */
interface LiveChild {
  generation: number;
  /** The summary row's last_position when this was kept: any other write to the child shows there. */
  lastPosition: bigint;
  fold: PerEventFold;
  flags: FlagTracker;
  parts: ViewParts;
  clock: CalendarDate | undefined;
  view: ChildView | undefined;
}

/** Children kept between batches (least recently projected dropped first). */
const LIVE_CHILDREN = 4_096;
/**
 * A rebuild reads the log in order: a child kept only has to outlast the batches its events span
 * (close together in a log written child by child), and every child kept is memory a rebuild of a
 * million events has to stay within.
 */
const REBUILD_CHILDREN = 256;

const liveKey = (generation: number, childId: string): string => `${generation}/${childId}`;

const upsertSummarySql = (generation: number): string => {
  const { summaries } = tablesOf(generation);
  return `INSERT INTO ${summaries} (child_id, child_ref, team, social_worker, legal_status, in_care, date_of_birth, last_position, summary,
             stream_count, latest_effective, clock, feed_held)
           VALUES (@child_id, @child_ref, @team, @social_worker, @legal_status, @in_care, @date_of_birth, @last_position, @summary,
             @stream_count, @latest_effective, @clock, @feed_held)
           ON CONFLICT (child_id) DO UPDATE SET child_ref = excluded.child_ref, team = excluded.team,
             social_worker = excluded.social_worker, legal_status = excluded.legal_status, in_care = excluded.in_care,
             date_of_birth = excluded.date_of_birth, last_position = excluded.last_position, summary = excluded.summary,
             stream_count = excluded.stream_count, latest_effective = excluded.latest_effective, clock = excluded.clock,
             feed_held = excluded.feed_held`;
};

/** The stream columns of one child's stored events (rows as the old per-child copy held them). */
function streamFactsOf(rows: readonly { position: number; event: string }[]): StreamFacts {
  const point: FoldPoint = { count: 0, latest: '' };
  let clock: CalendarDate | undefined;
  for (const row of rows) {
    const event = JSON.parse(row.event) as StoredJourneyEvent;
    advance(point, event);
    clock = clockAfter(clock, event);
  }
  return { count: point.count, latest: point.latest, clock };
}

export class ReadModelStore implements ChangeLogReader {
  private readonly db: Db;
  private readonly statements = new Map<string, Statement>();
  private readonly drift: DriftConfig;
  /** Children kept between batches, by generation and child id. */
  private live = new Map<string, LiveChild>();
  /** Children kept by the live projector's batches and by a rebuild's (see REBUILD_CHILDREN). */
  private readonly kept = { live: new Map<string, LiveChild>(), rebuild: new Map<string, LiveChild>() };
  private keepAtMost = LIVE_CHILDREN;
  /** The streams given with the batch being applied. */
  private streams: StreamSource | undefined;
  /** Where the batch being applied writes its rows. */
  private rows: RowWriter = { changes: () => undefined, summary: () => undefined };

  constructor(
    readonly file: string,
    options: ReadModelStoreOptions = {},
  ) {
    this.drift = options.drift ?? driftConfigFromEnv();
    createOwnerOnlyFile(file); // 0600, as the event store: the read models hold names and dates of birth
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Read models are disposable and rebuildable: NORMAL can lose the last commits on power loss,
    // never corrupt, and a lost batch is lost together with its checkpoint, so it is re-applied.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.db
      .transaction(() => {
        this.db.exec(SHARED_SCHEMA);
        addLogTieColumns(this.db);
        if (this.readGeneration() === undefined) {
          this.prepareGeneration(1, true);
          this.db.prepare(`INSERT INTO meta (key, value) VALUES ('generation', '1')`).run();
        }
        this.addChangeLogIfMissing(this.currentGeneration());
        for (const { generation } of this.db.prepare(`SELECT generation FROM checkpoints`).all() as {
          generation: number;
        }[]) {
          migrateEventCopy(this.db, generation, streamFactsOf);
          addFeedHeldIfMissing(this.db, generation);
        }
      })
      .immediate();
  }

  /**
   * A file projected before the change log existed: add the table and remember where it starts,
   * so the feed can say it is partial (a rebuild fills it from position 0).
   */
  private addChangeLogIfMissing(generation: number): void {
    if (hasTable(this.db, tablesOf(generation).changes)) return;
    createChangeLogTable(this.db, generation);
    const checkpoint = this.checkpoint(generation);
    if (checkpoint !== undefined)
      this.db
        .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
        .run(changeLogStartKey(generation), checkpoint.toString());
  }

  /**
   * A statement reading last_position, which holds a global position: read with safeIntegers so a
   * position above 2^53 (EventStoreDB's are byte offsets) comes back exact, as a bigint. Every
   * integer column it reads is then a bigint.
   */
  private positionStmt(sql: string): Statement {
    return this.stmt(sql).safeIntegers(true);
  }

  /** Prepared once per SQL text: the hot path runs the same few statements per child. */
  private stmt(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private readGeneration(): number | undefined {
    const row = this.stmt(`SELECT value FROM meta WHERE key = 'generation'`).get() as
      { value: string } | undefined;
    return row ? Number(row.value) : undefined;
  }

  /** The generation queries read. */
  currentGeneration(): number {
    const generation = this.readGeneration();
    if (generation === undefined) throw new Error(`Read-model file ${this.file} has no current generation`);
    return generation;
  }

  checkpoint(generation = this.currentGeneration()): bigint | undefined {
    const row = this.stmt(`SELECT position FROM checkpoints WHERE generation = ?`).get(generation) as
      { position: string | null } | undefined;
    return row?.position == null ? undefined : BigInt(row.position);
  }

  private prepareGeneration(generation: number, indexes: boolean): void {
    createGenerationTables(this.db, generation, { indexes });
    this.db
      .prepare(`INSERT OR REPLACE INTO checkpoints (generation, position, updated_at) VALUES (?, NULL, ?)`)
      .run(generation, new Date().toISOString());
  }

  /** A fresh, empty generation for a rebuild; leftovers of an abandoned rebuild are dropped first. */
  createGeneration(): number {
    return this.db
      .transaction(() => {
        const current = this.currentGeneration();
        for (const { generation } of this.db
          .prepare(`SELECT generation FROM checkpoints WHERE generation <> ?`)
          .all(current) as {
          generation: number;
        }[]) {
          this.discard(generation);
        }
        const next = current + 1;
        // Not served before switchTo, which adds the summaries' indexes (see indexGeneration).
        this.prepareGeneration(next, false);
        return next;
      })
      .immediate();
  }

  /**
   * The summaries' secondary indexes of a generation made by createGeneration (left out while a
   * rebuild writes it); switchTo adds them too, so call this first to keep the switch short.
   */
  indexGeneration(generation: number): void {
    this.db.transaction(() => createSummaryIndexes(this.db, generation)).immediate();
  }

  /**
   * Serve `generation` from now on (with its indexes) and drop the previous one, atomically; with
   * `rebuild`, the rebuild that made it is stored in the same transaction (see rebuild-record.ts).
   */
  switchTo(generation: number, rebuild?: RebuildProgress): void {
    this.db
      .transaction(() => {
        createSummaryIndexes(this.db, generation);
        const previous = this.currentGeneration();
        this.db.prepare(`UPDATE meta SET value = ? WHERE key = 'generation'`).run(String(generation));
        if (rebuild) writeRebuildRecord(this.db, generation, rebuild);
        if (previous !== generation) this.discard(previous);
      })
      .immediate();
  }

  /**
   * The rebuild that produced the served generation, as the process that ran it stored it (any
   * process: the API, the CLI); undefined when the served read models were projected live from the
   * start. Read with the generation in one snapshot.
   */
  servedRebuild(): RebuildProgress | undefined {
    return this.db.transaction(() => readRebuildRecord<RebuildProgress>(this.db, this.currentGeneration()))();
  }

  /**
   * A running rebuild's progress, stored under the generation it writes (not served yet) for other
   * processes to read (running-rebuild.ts). Ignored once that generation is served (the switch
   * stored the finished rebuild) or gone (discarded by a failure or another rebuild).
   */
  recordRebuildProgress(generation: number, record: object): void {
    this.db
      .transaction(() => {
        if (generation === this.currentGeneration()) return;
        if (!this.stmt(`SELECT 1 FROM checkpoints WHERE generation = ?`).get(generation)) return;
        writeRebuildRecord(this.db, generation, record);
      })
      .immediate();
  }

  /** The progress a running rebuild (any process's) last stored for a generation not served yet. */
  rebuildInProgress<T>(): T | undefined {
    return this.db.transaction(() => {
      const current = this.currentGeneration();
      const pending = this.stmt(
        `SELECT generation FROM checkpoints WHERE generation > ? ORDER BY generation DESC`,
      ).all(current) as { generation: number }[];
      for (const { generation } of pending) {
        const record = readRebuildRecord<T>(this.db, generation);
        if (record) return record;
      }
      return undefined;
    })();
  }

  /** Drops a generation that is not served (an abandoned rebuild). */
  discardGeneration(generation: number): void {
    this.db
      .transaction(() => {
        if (generation === this.currentGeneration())
          throw new Error(`Generation ${generation} is being served`);
        this.discard(generation);
      })
      .immediate();
  }

  private discard(generation: number): void {
    this.forgetKept();
    dropGenerationTables(this.db, generation);
    this.db.prepare(`DELETE FROM checkpoints WHERE generation = ?`).run(generation);
    this.db.prepare(`DELETE FROM meta WHERE key = ?`).run(changeLogStartKey(generation));
    this.db.prepare(`DELETE FROM meta WHERE key = ?`).run(realignedKey(generation));
    deleteRebuildRecord(this.db, generation);
  }

  /**
   * Applies a batch (in global order) to a generation and moves its checkpoint to the batch's last
   * position, in one transaction. With `requireCurrent`, refuses (GenerationChanged) when a rebuild
   * has switched generations since the caller started.
   */
  applyBatch(generation: number, events: readonly RecordedEvent[], options: ApplyOptions): ApplyResult {
    this.streams = options.streams;
    this.live = options.requireCurrent ? this.kept.live : this.kept.rebuild;
    this.keepAtMost = options.requireCurrent ? LIVE_CHILDREN : REBUILD_CHILDREN;
    try {
      return options.partition
        ? this.applyPartition(generation, events, options.partition.lock)
        : this.applyInTransaction(generation, events, options);
    } catch (error) {
      // Rolled back: what the batch folded in memory is not in the file.
      this.forgetKept();
      throw error;
    } finally {
      this.streams = undefined;
    }
  }

  /**
   * The children of `events` whose stream a refold will need (a correction, a back-dated entry or
   * a second registration after events already applied), as the file stands: read them from the
   * event store and pass them as `streams`. If the file changes meanwhile, applyBatch says which
   * one it still needs (StreamNeeded).
   */
  streamsNeeded(generation: number, events: readonly RecordedEvent[]): StreamWanted[] {
    // One read transaction for the batch's look-ups, not one (with its WAL read lock) per child.
    return this.db.transaction(() => this.streamsNeededNow(generation, events))();
  }

  private streamsNeededNow(generation: number, events: readonly RecordedEvent[]): StreamWanted[] {
    const { summaries } = tablesOf(generation);
    // A generation dropped meanwhile (a rebuild switched): applyBatch says so (GenerationChanged).
    if (!hasTable(this.db, summaries)) return [];
    const checkpoint = this.checkpoint(generation);
    const select = this.positionStmt(
      `SELECT stream_count, latest_effective, last_position FROM ${summaries} WHERE child_id = ?`,
    );
    const points = new Map<string, (FoldPoint & { start: number; after: bigint }) | null>();
    const wanted: StreamWanted[] = [];
    for (const event of events) {
      if (checkpoint !== undefined && event.globalPosition <= checkpoint) continue;
      const childId = childIdOf(event);
      if (childId === undefined) continue;
      let point = points.get(childId);
      if (point === undefined) {
        const row = select.get(childId) as
          { stream_count: bigint; latest_effective: string; last_position: bigint } | undefined;
        point = row
          ? {
              count: Number(row.stream_count),
              latest: row.latest_effective,
              start: Number(row.stream_count),
              after: row.last_position,
            }
          : { count: 0, latest: '', start: 0, after: -1n };
        points.set(childId, point);
      }
      if (point === null || event.globalPosition <= point.after) continue;
      const journeyEvent = event as unknown as StoredJourneyEvent;
      if (point.start > 0 && !appendsAtEnd(point, journeyEvent)) {
        wanted.push({ childId, count: point.start });
        points.set(childId, null);
        continue;
      }
      advance(point, journeyEvent);
    }
    return wanted;
  }

  private applyInTransaction(
    generation: number,
    events: readonly RecordedEvent[],
    options: ApplyOptions,
  ): ApplyResult {
    return this.db
      .transaction((): ApplyResult => {
        if (options.requireCurrent) {
          const current = this.currentGeneration();
          if (current !== generation) throw new GenerationChanged(generation, current);
        }
        const checkpoint = this.checkpoint(generation);
        const fresh = events.filter((event) => checkpoint === undefined || event.globalPosition > checkpoint);
        if (fresh.length === 0) return { applied: 0, skipped: events.length, checkpoint };
        const rows = new DirectRows(this.changeInserts(generation), this.stmt(upsertSummarySql(generation)));
        this.rows = rows;
        this.applyByChild(generation, fresh);
        rows.flush();
        const lastEvent = fresh[fresh.length - 1];
        const last = lastEvent.globalPosition;
        this.moveCheckpoint(generation, last, lastEvent.id);
        return { applied: fresh.length, skipped: events.length - fresh.length, checkpoint: last };
      })
      .immediate();
  }

  /** Groups a batch by child (log order kept within each) and applies each child's events. */
  private applyByChild(generation: number, events: readonly RecordedEvent[]): void {
    const byChild = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const childId = childIdOf(event);
      if (childId === undefined) continue;
      const list = byChild.get(childId) ?? [];
      list.push(event);
      byChild.set(childId, list);
    }
    for (const [childId, childEvents] of byChild) this.applyToChild(generation, childId, childEvents);
  }

  /**
   * A rebuild partition's batch: computed with no transaction open (only this partition writes
   * these children in this generation), then written in a short transaction under the lock.
   */
  private applyPartition(generation: number, events: readonly RecordedEvent[], lock: WriteLock): ApplyResult {
    const pending = new PendingRows();
    this.rows = pending;
    // A read transaction: the children's rows are looked up in one snapshot, not one per statement.
    this.db.transaction(() => this.applyByChild(generation, events))();
    const inserts = this.changeInserts(generation);
    const upsertSummary = this.stmt(upsertSummarySql(generation));
    lock.hold(() => this.db.transaction(() => pending.writeTo(inserts, upsertSummary)).immediate());
    return { applied: events.length, skipped: 0, checkpoint: undefined };
  }

  private changeInserts(generation: number): ChangeInserts {
    return {
      one: this.stmt(insertChangesSql(generation)),
      many: this.stmt(insertChangesSql(generation, CHANGE_ROWS_PER_INSERT)),
    };
  }

  /**
   * The coordinator of a partitioned rebuild, once every partition has applied the log up to
   * `position`: the generation's checkpoint, as if one thread had applied it batch by batch.
   */
  markApplied(generation: number, position: bigint, eventId: string | undefined): void {
    this.moveCheckpoint(generation, position, eventId);
  }

  /**
   * The checkpoint with its log tie: the id of the event at `position` (one statement, so the
   * batch's transaction costs no more). Without the id (not known), the tie is left unset.
   */
  private moveCheckpoint(generation: number, position: bigint, eventId: string | undefined): void {
    const at = position.toString();
    this.stmt(
      `UPDATE checkpoints SET position = ?, updated_at = ?, event_position = ?, event_id = ? WHERE generation = ?`,
    ).run(at, new Date().toISOString(), eventId === undefined ? null : at, eventId ?? null, generation);
  }

  /** A generation's checkpoint and its log tie, read together (undefined for an unknown generation). */
  logTie(generation = this.currentGeneration()): LogTie | undefined {
    return this.db.transaction(() => {
      const row = this.stmt(
        `SELECT position, event_position, event_id FROM checkpoints WHERE generation = ?`,
      ).get(generation) as
        { position: string | null; event_position: string | null; event_id: string | null } | undefined;
      if (row === undefined) return undefined;
      return {
        generation,
        ...(row.position !== null && { checkpoint: BigInt(row.position) }),
        ...(row.event_position !== null &&
          row.event_id !== null && {
            tiedTo: { position: BigInt(row.event_position), eventId: row.event_id },
          }),
      };
    })();
  }

  /**
   * Ties a checkpoint written without its event's id (an older file, or an older build) to the
   * event the log holds there; nothing is written if the checkpoint has moved since it was read.
   */
  tieCheckpoint(generation: number, position: bigint, eventId: string): boolean {
    const at = position.toString();
    return (
      this.stmt(
        `UPDATE checkpoints SET event_position = ?, event_id = ? WHERE generation = ? AND position = ?`,
      ).run(at, eventId, generation, at).changes === 1
    );
  }

  /**
   * Read models that do not belong to the event log (log-tie.ts): serve an empty generation
   * instead, to be projected from position 0, and drop the misaligned one, in one transaction.
   * Nothing is done (undefined) if `generation` is no longer served or its checkpoint has moved
   * since it was checked (another process realigned or rebuilt it). A rebuild running meanwhile is
   * left alone: its generation is numbered below the new one and replaces it when it switches.
   */
  realign(
    generation: number,
    checkpoint: bigint | undefined,
    record: Omit<Realigned, 'generation'>,
  ): number | undefined {
    return this.db
      .transaction(() => {
        if (this.currentGeneration() !== generation || this.checkpoint(generation) !== checkpoint)
          return undefined;
        const { highest } = this.db.prepare(`SELECT MAX(generation) AS highest FROM checkpoints`).get() as {
          highest: number;
        };
        const next = highest + 1;
        this.prepareGeneration(next, true);
        this.db.prepare(`UPDATE meta SET value = ? WHERE key = 'generation'`).run(String(next));
        this.db
          .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
          .run(realignedKey(next), JSON.stringify({ ...record, generation: next } satisfies Realigned));
        this.discard(generation);
        return next;
      })
      .immediate();
  }

  /** Why the served generation was started afresh from position 0 (realign), if it was. */
  realigned(): Realigned | undefined {
    return this.db.transaction(() => {
      const row = this.stmt(`SELECT value FROM meta WHERE key = ?`).get(
        realignedKey(this.currentGeneration()),
      ) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as Realigned) : undefined;
    })();
  }

  /**
   * Pages of WAL after which a commit of this connection checkpoints it into the file (SQLite's
   * wal_autocheckpoint); returns the previous value. A rebuild raises it while it writes: see
   * REBUILD_WAL_PAGES in rebuild.ts.
   */
  walCheckpointEvery(pages: number): number {
    const previous = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.db.pragma(`wal_autocheckpoint = ${Math.trunc(pages)}`);
    return previous;
  }

  /** The thresholds the change log is evaluated with (a partition thread is given the same). */
  get driftConfig(): DriftConfig {
    return this.drift;
  }

  /**
   * Folds the child's new events into its summary event by event and logs what each event changed
   * in the child's view (as at the feed clock), then stores the final summary once.
   */
  protected applyToChild(generation: number, childId: string, events: readonly RecordedEvent[]): void {
    const child = this.liveChild(generation, childId) ?? this.loadChild(generation, childId);
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
      this.rows.changes(event.globalPosition, event.id, diffViews(childId, view, next, cause));
      view = next;
    }
    if (lastPosition === child.lastPosition) return;
    const summary = fold.summary;
    this.rows.summary({
      child_id: childId,
      ...summaryColumns(summary),
      last_position: lastPosition,
      summary: JSON.stringify(summary),
      stream_count: fold.count,
      latest_effective: fold.latest,
      clock: clock ?? null,
      feed_held: heldToJson(view),
    });
    const count = fold.count;
    fold.resume(() => this.streamOf(childId, count));
    const key = liveKey(generation, childId);
    this.live.delete(key);
    this.live.set(key, { generation, lastPosition, fold, flags, parts, clock, view });
    if (this.live.size > this.keepAtMost) this.live.delete(this.live.keys().next().value as string);
  }

  /** The child's first `count` events, from the streams given with the batch being applied. */
  private streamOf(childId: string, count: number): readonly StoredJourneyEvent[] {
    const stream = this.streams?.(childId, count);
    if (stream === undefined || stream.length !== count) throw new StreamNeeded(childId, count);
    return stream;
  }

  private forgetKept(): void {
    this.kept.live.clear();
    this.kept.rebuild.clear();
  }

  /** The child as an earlier batch left it, if nothing else has written it since. */
  private liveChild(generation: number, childId: string): LiveChild | undefined {
    const key = liveKey(generation, childId);
    const child = this.live.get(key);
    if (!child) return undefined;
    this.live.delete(key);
    const { summaries } = tablesOf(generation);
    const row = this.positionStmt(`SELECT last_position FROM ${summaries} WHERE child_id = ?`).get(
      childId,
    ) as { last_position: bigint } | undefined;
    return row !== undefined && row.last_position === child.lastPosition ? child : undefined;
  }

  /** The child from the file: its summary, what is known of its stream, and its view as at its clock. */
  private loadChild(generation: number, childId: string): LiveChild {
    const { summaries } = tablesOf(generation);
    const row = this.positionStmt(
      `SELECT summary, last_position, stream_count, latest_effective, clock, feed_held FROM ${summaries} WHERE child_id = ?`,
    ).get(childId) as StreamRow | undefined;
    const flags = new FlagTracker(this.drift);
    const parts = new ViewParts();
    if (row === undefined)
      return {
        generation,
        lastPosition: -1n,
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
    return { generation, lastPosition: row.last_position, fold, flags, parts, clock, view };
  }

  /**
   * Summaries of the served generation updated after `afterPosition` (all when undefined), read in
   * one snapshot together with the generation they belong to.
   */
  summariesChangedSince(afterPosition: bigint | undefined): { generation: number; records: SummaryRecord[] } {
    return this.db.transaction(() => {
      const generation = this.currentGeneration();
      const { summaries } = tablesOf(generation);
      const rows = this.positionStmt(
        `SELECT summary, last_position FROM ${summaries} WHERE last_position > ?`,
      ).all(afterPosition ?? -1n) as { summary: string; last_position: bigint }[];
      return {
        generation,
        records: rows.map((row) => ({
          summary: JSON.parse(row.summary) as JourneySummary,
          lastPosition: row.last_position,
        })),
      };
    })();
  }

  /** The served generation's change log after `after`, with its checkpoint, in one snapshot. */
  changesAfter(after: FeedCheckpoint | undefined, limit: number): ChangeLogPage {
    return this.db.transaction((): ChangeLogPage => {
      const generation = this.currentGeneration();
      const start = this.stmt(`SELECT value FROM meta WHERE key = ?`).get(changeLogStartKey(generation)) as
        { value: string } | undefined;
      return {
        changes: readChanges(this.db, generation, after, limit),
        checkpoint: this.checkpoint(generation),
        ...(start && { startsAfter: BigInt(start.value) }),
      };
    })();
  }

  summary(childId: string): JourneySummary | undefined {
    const { summaries } = tablesOf(this.currentGeneration());
    const row = this.db.prepare(`SELECT summary FROM ${summaries} WHERE child_id = ?`).get(childId) as
      { summary: string } | undefined;
    return row ? (JSON.parse(row.summary) as JourneySummary) : undefined;
  }

  /** Child ids by the indexed columns (state at the end of what is recorded). */
  childIds(
    filter: { team?: string; socialWorker?: string; legalStatus?: string; inCare?: boolean } = {},
  ): string[] {
    const { summaries } = tablesOf(this.currentGeneration());
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    const add = (clause: string, value: string | number | undefined): void => {
      if (value === undefined) return;
      clauses.push(clause);
      params.push(value);
    };
    add('team = ?', filter.team);
    add('social_worker = ?', filter.socialWorker);
    add('legal_status = ?', filter.legalStatus);
    add('in_care = ?', filter.inCare === undefined ? undefined : filter.inCare ? 1 : 0);
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    return (
      this.db.prepare(`SELECT child_id FROM ${summaries} ${where} ORDER BY child_id`).all(...params) as {
        child_id: string;
      }[]
    ).map((row) => row.child_id);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
