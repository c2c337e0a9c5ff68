/**
 * The read-model SQLite file. Every batch of events is applied together with its checkpoint in
 * ONE transaction, so a crash can never apply an event twice or skip one; events at or below the
 * checkpoint are ignored, which makes a replayed batch harmless. The change log (the /feed) is
 * written in that same transaction: one diff of the child's view per event.
 *
 * No copy of the events is kept: a child whose events need a refold (a correction, a back-dated
 * entry) is given its stream by the caller (`streams`, read from the event store before the
 * transaction: see apply-from-store.ts; `streamsNeeded` says which).
 *
 * This class is the one door callers use; each job is in a file of its own (read-model-store-*.ts):
 * the open file, setting it up, generations, checkpoints and the log tie, realigning, rebuild
 * progress, planning refolds, folding children, applying a batch, and queries.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import type { ChangeLogPage, ChangeLogReader } from '../feed/feed-page';
import type { FeedCheckpoint } from '../feed/feed-checkpoint';
import type { DriftConfig } from '../rules/drift-config';
import type { JourneySummary } from '../summary/journey-summary';
import { BatchApplier, type ApplyOptions, type ApplyResult } from './read-model-store-apply-batch';
import { Checkpoints } from './read-model-store-checkpoints';
import { ChildFolds } from './read-model-store-child-folds';
import { ReadModelFile } from './read-model-store-file';
import { Generations } from './read-model-store-generations';
import { ProjectorFailureRecords } from './read-model-store-projector-failure';
import { HeartbeatRecord } from './read-model-store-heartbeat';
import type { ProjectorHeartbeat } from './projector-heartbeat';
import { FOLD_VERSION, type FoldOutdated } from './fold-version';
import { ReadModelQueries, type ChildFilter, type SummaryRecord } from './read-model-store-queries';
import { Realignment } from './read-model-store-realign';
import { RebuildProgressRecords } from './read-model-store-rebuild-progress';
import { setUpReadModelFile } from './read-model-store-setup';
import { streamsNeeded, type StreamWanted } from './read-model-store-streams-needed';
import { driftConfigFromEnv } from './read-model-config';
import { feedContentId } from '../feed/feed-content';
import type { RowWriter } from './pending-rows';
import type { LogTie, Realigned } from './log-tie';
import type { RebuildProgress } from './rebuild';
import type { ProjectorFailure } from './stuck-event';

// The types of this class's signatures, where its callers have always found them.
export { GenerationChanged, type ApplyOptions, type ApplyResult } from './read-model-store-apply-batch';
export { StreamNeeded, type StreamSource } from './read-model-store-child-folds';
export type { StreamWanted } from './read-model-store-streams-needed';
export type { SummaryRecord } from './read-model-store-queries';

export interface ReadModelStoreOptions {
  /** Thresholds the change log evaluates flags with (default: CARE_JOURNEY_DRIFT_THRESHOLDS). */
  drift?: DriftConfig;
}

export class ReadModelStore implements ChangeLogReader {
  private readonly opened: ReadModelFile;
  private readonly drift: DriftConfig;
  private readonly checkpoints: Checkpoints;
  private readonly generations: Generations;
  private readonly realignment: Realignment;
  private readonly rebuilds: RebuildProgressRecords;
  private readonly batches: BatchApplier;
  private readonly queries: ReadModelQueries;
  private readonly children: ChildFolds;
  private readonly failures: ProjectorFailureRecords;
  private readonly heartbeat: HeartbeatRecord;
  /** The feed content id this process folds with (feed/feed-content.ts): FOLD_VERSION and thresholds. */
  readonly feedContent: string;

  constructor(
    readonly file: string,
    options: ReadModelStoreOptions = {},
  ) {
    this.drift = options.drift ?? driftConfigFromEnv();
    this.opened = new ReadModelFile(file);
    const children = new ChildFolds(this.opened, this.drift);
    this.children = children;
    this.checkpoints = new Checkpoints(this.opened);
    this.feedContent = feedContentId(this.drift);
    this.generations = new Generations(
      this.opened,
      this.checkpoints,
      () => children.forget(),
      this.feedContent,
    );
    this.realignment = new Realignment(this.opened, this.generations, this.checkpoints);
    this.rebuilds = new RebuildProgressRecords(this.opened, this.generations, this.checkpoints);
    this.batches = new BatchApplier(this.opened, this.generations, this.checkpoints, children, (...args) =>
      this.applyToChild(...args),
    );
    this.queries = new ReadModelQueries(this.opened, this.generations, this.checkpoints);
    this.failures = new ProjectorFailureRecords(this.opened);
    this.heartbeat = new HeartbeatRecord(this.opened);
    setUpReadModelFile(this.opened, this.generations, this.checkpoints);
  }

  /** The generation queries read. */
  currentGeneration(): number {
    return this.generations.current();
  }

  checkpoint(generation = this.currentGeneration()): bigint | undefined {
    return this.checkpoints.at(generation);
  }

  /** A fresh, empty generation for a rebuild; leftovers of an abandoned rebuild are dropped first. */
  createGeneration(): number {
    return this.generations.create();
  }

  /**
   * The summaries' secondary indexes of a generation made by createGeneration (left out while a
   * rebuild writes it); switchTo adds them too, so call this first to keep the switch short.
   */
  indexGeneration(generation: number): void {
    this.generations.index(generation);
  }

  /**
   * Serve `generation` from now on (with its indexes) and drop the previous one, atomically; with
   * `rebuild`, the rebuild that made it is stored in the same transaction (see rebuild-record.ts).
   */
  switchTo(generation: number, rebuild?: RebuildProgress): void {
    this.generations.switchTo(generation, rebuild);
  }

  /** Drops a generation that is not served (an abandoned rebuild). */
  discardGeneration(generation: number): void {
    this.generations.discard(generation);
  }

  /**
   * The rebuild that produced the served generation, as the process that ran it stored it (any
   * process: the API, the CLI); undefined when the served read models were projected live from the
   * start.
   */
  servedRebuild(): RebuildProgress | undefined {
    return this.rebuilds.served();
  }

  /** A running rebuild's progress, stored under the generation it writes for other processes to read. */
  recordRebuildProgress(generation: number, record: object): void {
    this.rebuilds.record(generation, record);
  }

  /** The progress a running rebuild (any process's) last stored for a generation not served yet. */
  rebuildInProgress<T>(): T | undefined {
    return this.rebuilds.inProgress<T>();
  }

  /** Applies a batch (in global order) to a generation with its checkpoint, in one transaction. */
  applyBatch(generation: number, events: readonly RecordedEvent[], options: ApplyOptions): ApplyResult {
    return this.batches.apply(generation, events, options);
  }

  /**
   * One child's events of a batch, folded into its read model (read-model-store-child-folds.ts).
   * Each child of every batch passes through here, looked up on the instance at each call, so the
   * fault specs (change-log, projection-engine) can make one child's fold fail mid-batch.
   */
  protected applyToChild(
    generation: number,
    childId: string,
    events: readonly RecordedEvent[],
    rows: RowWriter,
  ): void {
    this.children.apply(generation, childId, events, rows);
  }

  /**
   * The children of `events` whose stream a refold will need, as the file stands: read them from
   * the event store and pass them as `streams`. If the file changes meanwhile, applyBatch says
   * which one it still needs (StreamNeeded).
   */
  streamsNeeded(generation: number, events: readonly RecordedEvent[]): StreamWanted[] {
    // One read transaction for the batch's look-ups, not one (with its WAL read lock) per child.
    return this.opened.read(() =>
      streamsNeeded(this.opened, this.checkpoints, generation, events, this.children.keptPoints(generation)),
    );
  }

  /**
   * The coordinator of a partitioned rebuild, once every partition has applied the log up to
   * `position`: the generation's checkpoint, as if one thread had applied it batch by batch.
   */
  markApplied(generation: number, position: bigint, eventId: string | undefined): void {
    this.checkpoints.move(generation, position, eventId);
  }

  /** A generation's checkpoint and its log tie, read together (undefined for an unknown generation). */
  logTie(generation = this.currentGeneration()): LogTie | undefined {
    return this.checkpoints.logTie(generation);
  }

  /** Ties a checkpoint written without its event's id to the event the log holds there. */
  tieCheckpoint(generation: number, position: bigint, eventId: string): boolean {
    return this.checkpoints.tie(generation, position, eventId);
  }

  /** Read models that do not belong to the event log: serve an empty generation instead (see Realignment). */
  realign(
    generation: number,
    checkpoint: bigint | undefined,
    record: Omit<Realigned, 'generation'>,
  ): number | undefined {
    return this.realignment.realign(generation, checkpoint, record);
  }

  /** Why the served generation was started afresh from position 0 (realign), if it was. */
  realigned(): Realigned | undefined {
    return this.realignment.realigned();
  }

  /**
   * The failure the live projector writing `generation` keeps retrying (the event it is stuck on),
   * kept in the file for processes that only read it; undefined clears it (the projector moved on).
   */
  recordProjectorFailure(generation: number, failure: ProjectorFailure | undefined): void {
    this.failures.record(generation, failure);
  }

  /** The failure the projector of the served generation keeps retrying, as it last stored it. */
  projectorFailure(): ProjectorFailure | undefined {
    return this.opened.read(() => this.failures.of(this.generations.current()));
  }

  /**
   * The served read models were folded by another fold version than this code's (or before
   * versions were stamped): a projecting process rebuilds them (fold-version.ts).
   */
  foldOutdated(): FoldOutdated | undefined {
    const built = this.opened.read(() => this.generations.foldVersion(this.generations.current()));
    return built === FOLD_VERSION ? undefined : { built: built ?? null, running: FOLD_VERSION };
  }

  /** The worker projector's heartbeat (apps/projector writes it every interval; projector-heartbeat.ts). */
  recordProjectorHeartbeat(heartbeat: ProjectorHeartbeat): void {
    this.opened.write(() => this.heartbeat.write(heartbeat));
  }

  /** The last heartbeat a worker projector wrote to this file, if any did. */
  projectorHeartbeat(): ProjectorHeartbeat | undefined {
    return this.opened.read(() => this.heartbeat.read());
  }

  /**
   * Pages of WAL after which a commit of this connection checkpoints it into the file; returns the
   * previous value. A rebuild raises it while it writes: see REBUILD_WAL_PAGES in rebuild.ts.
   */
  walCheckpointEvery(pages: number): number {
    return this.opened.walCheckpointEvery(pages);
  }

  /** The thresholds the change log is evaluated with (a partition thread is given the same). */
  get driftConfig(): DriftConfig {
    return this.drift;
  }

  /** Summaries of the served generation updated after `afterPosition` (all when undefined). */
  summariesChangedSince(afterPosition: bigint | undefined): { generation: number; records: SummaryRecord[] } {
    return this.queries.summariesChangedSince(afterPosition);
  }

  /** The served generation's change log after `after`, with its checkpoint, in one snapshot. */
  changesAfter(after: FeedCheckpoint | undefined, limit: number): ChangeLogPage {
    return this.queries.changesAfter(after, limit);
  }

  summary(childId: string): JourneySummary | undefined {
    return this.queries.summary(childId);
  }

  /** Child ids by the indexed columns (state at the end of what is recorded). */
  childIds(filter: ChildFilter = {}): string[] {
    return this.queries.childIds(filter);
  }

  close(): void {
    this.opened.close();
  }
}
