/**
 * The projection engine: the read-model file, the live projector (inline mode only), rebuilds,
 * read-your-writes waits, lag and the cached summaries queries read. Runs inside the API
 * (CARE_JOURNEY_PROJECTIONS=inline) or inside apps/projector (the API then only reads the file).
 */
import { hostname } from 'node:os';
import { Observable, ReplaySubject, share, throwError } from 'rxjs';
import type { EventStore } from '@care-journey/event-store';
import type { CalendarDate, StoredJourneyEvent } from '@care-journey/journey';
import type { DriftConfig } from '../rules/drift-config';
import type { JourneySummary } from '../summary/journey-summary';
import { childEvents } from './apply-from-store';
import { checkLogTie, type MisalignedReason, type Realigned } from './log-tie';
import { Projector, type ProjectorState } from './projector';
import type { ProjectorHeartbeat } from './projector-heartbeat';
import type { FoldOutdated } from './fold-version';
import type { ProjectorFailure } from './stuck-event';
import { rebuildMinEventsPerThreadFromEnv, type ProjectionsMode } from './read-model-config';
import { ReadModelStore } from './read-model-store';
import { rebuildReadModels, type RebuildProgress } from './rebuild';
import { rebuiltBy, type RebuildProcess } from './rebuild-record';
import {
  runningRebuildSeenBy,
  thisProcess,
  type RunningRebuildRecord,
  type RunningRebuildSeen,
} from './running-rebuild';
import { pollUntil } from './poll-until';
import { SummaryCache } from './summary-cache';

export interface ProjectionEngineOptions {
  file: string;
  /** inline: this engine projects; thread or worker: another thread or process does, this one only reads. */
  mode: ProjectionsMode;
  batchSize: number;
  /** First wait before the projector retries a failed batch; doubles per failure in a row (projector-retry.ts). */
  restartDelayMs?: number;
  /** Longest wait between the projector's retries. */
  maxRestartDelayMs?: number;
  log?: (message: string) => void;
  /** Where the projector's failures go (an operator's alert; default: `log`). */
  error?: (message: string) => void;
  /** Thresholds for the change log's flags (default: CARE_JOURNEY_DRIFT_THRESHOLDS). */
  drift?: DriftConfig;
  /** Threads a rebuild splits the children across (default: CARE_JOURNEY_REBUILD_THREADS, else 2). */
  rebuildThreads?: number;
  /**
   * Fewest events per thread a rebuild splits for (default: CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD,
   * else MIN_EVENTS_PER_THREAD).
   */
  rebuildMinEventsPerThread?: number;
  /** Which program this engine runs in, stored with each rebuild it makes (default 'other'). */
  process?: RebuildProcess;
}

export interface ProjectionLag {
  /** Last position applied to the served read models (decimal string), null before any. */
  checkpoint: string | null;
  /** Head of the event log, null when it is empty. */
  head: string | null;
  /**
   * head − checkpoint, in log positions (events, for SQLite); the head itself when the read models
   * do not belong to the log (`misaligned`): none of it can be trusted to be in them.
   */
  lag: string;
  generation: number;
  /**
   * The projector's state; 'worker' when another process projects (the API in worker mode reports
   * that process's heartbeat instead: running, failed, stopped, or 'stale' when it is not beating).
   */
  projector: ProjectorState | 'worker' | 'stale';
  /**
   * The failure the projector keeps retrying, while it does: attempts, since when, and the event it
   * is stuck on (id, type, stream, position; never its data). Nothing is skipped: see
   * apps/api/README.md, "A stuck projector". In worker mode, as apps/projector stored it in the
   * read-model file (its `lastAttemptAt` and `nextAttemptAt` show whether it is still retrying).
   */
  failure?: ProjectorFailure;
  /**
   * The rebuild that produced the served read models, read from the read-model file whichever
   * process ran it (this one, the CLI, another API); absent when they were projected live from
   * position 0 (or rebuilt before rebuilds were recorded in the file).
   */
  rebuild?: RebuildProgress;
  /**
   * A rebuild this process is running, or its failure when nothing has been rebuilt since; else one
   * another process is running on the same file (from its record there: `by`, `host`, `updatedAt`),
   * `abandoned` when that process is gone.
   */
  rebuilding?: RebuildProgress | RunningRebuildSeen;
  /**
   * The served read models do not belong to the event log (log-tie.ts): their checkpoint is past
   * its head, or the log holds other events there (a restore without a rebuild, a read-model file of
   * another store). A projector realigns them when it (re)starts; until then they are wrong.
   */
  misaligned?: { reason: MisalignedReason; remedy: string };
  /** The served read models were started afresh from position 0 because the previous ones were misaligned. */
  realigned?: Realigned;
  /**
   * The served read models were folded by another fold version than this code's (`built`; null:
   * before versions were stamped), so they may disagree with it. A projecting process rebuilds
   * them at start into a new generation while these serve; gone once it switches (fold-version.ts).
   */
  outdated?: FoldOutdated;
}

const MISALIGNED_REMEDY =
  "restart the projecting process (the API inline or in thread mode, else apps/projector): it drops them and projects the log again; or run 'care-journey rebuild'";

/** Another process is rebuilding this read-model file: starting a second rebuild would drop its work. */
export class RebuildRunningElsewhere extends Error {
  constructor(readonly running: RunningRebuildSeen) {
    super(
      `A rebuild is already running in another process (${running.by.process}, pid ${running.by.pid}, ` +
        `${running.percent}% done, last progress ${running.updatedAt}); wait for it to finish`,
    );
    this.name = 'RebuildRunningElsewhere';
  }
}

export class ProjectionEngine {
  readonly readModels: ReadModelStore;
  private readonly projector?: Projector;
  private readonly cache: SummaryCache;
  private rebuildRun?: Observable<RebuildProgress>;
  private lastRebuild?: RebuildProgress;
  /** The generation a reader (no projector here) found tied to this log (checkpointTrusted). */
  private generationChecked?: number;

  constructor(
    private readonly eventStore: EventStore,
    private readonly options: ProjectionEngineOptions,
  ) {
    this.readModels = new ReadModelStore(options.file, { drift: options.drift });
    this.cache = new SummaryCache(this.readModels);
    if (options.mode === 'inline') {
      this.projector = new Projector(eventStore, this.readModels, {
        batchSize: options.batchSize,
        restartDelayMs: options.restartDelayMs,
        maxRestartDelayMs: options.maxRestartDelayMs,
        log: options.log,
        error: options.error,
      });
    }
  }

  /** Starts projecting (inline mode; a no-op for a reader of a worker's file). */
  start(): void {
    this.projector?.start();
  }

  /** Settles once the projector (inline) has checked the read models against the log; at once for a reader. */
  whenStarted(): Promise<void> {
    return this.projector?.whenStarted() ?? Promise.resolve();
  }

  /** Whether the served read models were folded by another fold version (fold-version.ts). */
  foldOutdated(): FoldOutdated | undefined {
    return this.readModels.foldOutdated();
  }

  async stop(): Promise<void> {
    await this.projector?.stop();
  }

  /** Stops projecting and closes the read-model file (the event store is the caller's). */
  async close(): Promise<void> {
    await this.stop();
    this.readModels.close();
  }

  /**
   * (A projecting engine) moves its projector to the generation another process switched to while
   * the log is idle (Projector.followServedGeneration); not while this engine rebuilds (its switch
   * restarts the projector itself). True if it moved.
   */
  followServedGeneration(): Promise<boolean> {
    if (!this.projector || this.rebuildRun) return Promise.resolve(false);
    return this.projector.followServedGeneration();
  }

  /** (A projecting engine) writes its projector's heartbeat into the read-model file (apps/projector). */
  writeHeartbeat(intervalMs: number, now: Date = new Date()): ProjectorHeartbeat {
    const projector = this.projector;
    if (!projector) throw new Error('Only an engine that projects writes a heartbeat');
    const failure = projector.failing;
    const heartbeat: ProjectorHeartbeat = {
      pid: process.pid,
      host: hostname(),
      state: projector.state,
      ...(failure && { failure }),
      generation: projector.generationProjected || this.readModels.currentGeneration(),
      intervalMs,
      updatedAt: now.toISOString(),
    };
    this.readModels.recordProjectorHeartbeat(heartbeat);
    return heartbeat;
  }

  /** The last heartbeat a worker projector wrote into the read-model file, if any. */
  projectorHeartbeat(): ProjectorHeartbeat | undefined {
    return this.readModels.projectorHeartbeat();
  }

  get projectorState(): ProjectorState | 'worker' {
    return this.projector?.state ?? 'worker';
  }

  checkpoint(): bigint | undefined {
    return this.readModels.checkpoint();
  }

  /**
   * Rebuilds every read model from position 0 in a new generation; the current one serves until
   * the switch. A rebuild already running is shared, not started twice.
   */
  rebuild(): Observable<RebuildProgress> {
    if (this.rebuildRun) return this.rebuildRun;
    // A live rebuild of another process would lose its generation to this one's (createGeneration).
    const elsewhere = this.rebuildElsewhere();
    if (elsewhere && elsewhere.state !== 'abandoned')
      return throwError(() => new RebuildRunningElsewhere(elsewhere));
    const run = rebuildReadModels(this.eventStore, this.readModels, {
      batchSize: Math.max(this.options.batchSize, 1000),
      threads: this.options.rebuildThreads,
      minEventsPerThread: this.options.rebuildMinEventsPerThread ?? rebuildMinEventsPerThreadFromEnv(),
      by: rebuiltBy(this.options.process),
      // The live projector writes to the old generation until now: restart it on the new one.
      onSwitched: async () => {
        if (this.projector && this.projector.state !== 'stopped') await this.projector.restart();
      },
    }).pipe(
      share({
        connector: () => new ReplaySubject<RebuildProgress>(1),
        resetOnComplete: false,
        resetOnError: false,
      }),
    );
    this.rebuildRun = run;
    run.subscribe({
      next: (progress) => (this.lastRebuild = progress),
      error: (error: unknown) => {
        this.options.log?.(`rebuild failed: ${String(error)}`);
        this.rebuildRun = undefined;
      },
      complete: () => (this.rebuildRun = undefined),
    });
    return run;
  }

  /**
   * This process's running rebuild, or its failure when nothing was rebuilt since; else another
   * process's running (or abandoned) rebuild of this file; otherwise the rebuild that produced the
   * served read models (from the file: possibly another process's).
   */
  rebuildStatus(): RebuildProgress | undefined {
    return (
      this.rebuildHere() ?? this.rebuildElsewhere() ?? this.readModels.servedRebuild() ?? this.lastRebuild
    );
  }

  /**
   * A rebuild another process is running on this file (its progress record there), or one whose
   * process died before it finished (`state: 'abandoned'`); undefined when there is none.
   */
  rebuildElsewhere(): RunningRebuildSeen | undefined {
    const record = this.readModels.rebuildInProgress<RunningRebuildRecord>();
    return record && runningRebuildSeenBy(record, thisProcess());
  }

  /**
   * A rebuild this process runs on a worker thread of its own (the API's POST /admin/rebuild): its
   * record in the file carries this pid, so rebuildElsewhere() does not see it; the lag reports it
   * from here instead.
   */
  private rebuildOnThread?: () => RebuildProgress | undefined;

  reportRebuildsOnThread(running: () => RebuildProgress | undefined): void {
    this.rebuildOnThread = running;
  }

  /** The rebuild this process is running, or the one that failed here after the served one was made. */
  private rebuildHere(): RebuildProgress | undefined {
    const mine = this.lastRebuild;
    if (!mine || mine.state === 'done') return undefined;
    if (mine.state !== 'failed') return mine;
    const served = this.readModels.servedRebuild();
    const servedSince = served?.finishedAt !== undefined && served.finishedAt > mine.startedAt;
    return servedSince ? undefined : mine;
  }

  /** Rebuild and wait for the switch (CLI); rejects if the rebuild fails. */
  rebuildAndWait(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    return new Promise<RebuildProgress>((resolve, reject) => {
      let last: RebuildProgress | undefined;
      this.rebuild().subscribe({
        next: (progress) => {
          last = progress;
          onProgress?.(progress);
        },
        error: reject,
        complete: () =>
          last ? resolve(last) : reject(new Error('Rebuild ended without reporting progress')),
      });
    });
  }

  /**
   * Read-your-writes: resolves true once the served read models have applied `position`, false
   * after `timeoutMs`. Polls the file so it works when a worker process writes it.
   */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return pollUntil(async () => {
      const checkpoint = this.readModels.checkpoint();
      return checkpoint !== undefined && checkpoint >= position && (await this.checkpointTrusted());
    }, timeoutMs);
  }

  /**
   * Whether the served checkpoint belongs to this log (log-tie.ts): checked by this engine's
   * projector when it starts (inline), else here, once per generation, for a reader of a file
   * another process projects (that process's projector checks at start, then writes only this log's events).
   */
  private async checkpointTrusted(): Promise<boolean> {
    if (this.projector) return !this.projector.checkingLog;
    const tie = this.readModels.logTie();
    if (tie === undefined) return false;
    if (tie.generation === this.generationChecked) return true;
    const check = await checkLogTie(this.eventStore, tie, await this.eventStore.headPosition());
    if (check.aligned) this.generationChecked = tie.generation;
    return check.aligned;
  }

  async lag(): Promise<ProjectionLag> {
    // The checkpoint before the head: a checkpoint past the head is then never a race.
    const tie = this.readModels.logTie();
    const head = await this.eventStore.headPosition();
    const check = tie === undefined ? undefined : await checkLogTie(this.eventStore, tie, head);
    const checkpoint = tie?.checkpoint;
    const served = this.readModels.servedRebuild();
    const realigned = this.readModels.realigned();
    const outdated = this.readModels.foldOutdated();
    const here = this.rebuildHere() ?? this.rebuildOnThread?.() ?? this.rebuildElsewhere();
    const misaligned = check !== undefined && !check.aligned;
    // Where another process projects (apps/projector), the failure it stored in the file.
    const failure = this.projector ? this.projector.failing : this.readModels.projectorFailure();
    const behind = head === undefined ? 0n : head - (misaligned ? 0n : (checkpoint ?? 0n));
    return {
      checkpoint: checkpoint?.toString() ?? null,
      head: head?.toString() ?? null,
      lag: (behind > 0n ? behind : 0n).toString(),
      generation: tie?.generation ?? this.readModels.currentGeneration(),
      projector: this.projectorState,
      ...(failure && { failure }),
      ...(served && { rebuild: served }),
      ...(here && { rebuilding: here }),
      ...(misaligned && { misaligned: { reason: check.reason, remedy: MISALIGNED_REMEDY } }),
      ...(realigned && { realigned }),
      ...(outdated && { outdated }),
    };
  }

  summaries(): Iterable<JourneySummary> {
    return this.cache.all();
  }

  /**
   * The summaries of the children looked after on `date`, as `summaries()` orders them: all a drift
   * report as at that date can list, without reading every closed case (summary-cache.ts).
   */
  summariesLookedAfterOn(date: CalendarDate): readonly JourneySummary[] {
    return this.cache.lookedAfterOn(date);
  }

  summary(childId: string): JourneySummary | undefined {
    return this.cache.get(childId);
  }

  /**
   * One child's stored events in log order, each with its stream revision and global position,
   * read from the event store (the read model keeps no copy). Undefined for an unknown child.
   */
  childEvents(childId: string): Promise<StoredJourneyEvent[] | undefined> {
    return childEvents(this.eventStore, childId);
  }
}
