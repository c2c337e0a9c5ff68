/**
 * The live projector: a catch-up subscription from the stored checkpoint. Events are buffered
 * and applied in batches (a batch fills up, or the subscription pauses), each batch together with
 * its checkpoint in one transaction. Any failure stops the subscription without moving the
 * checkpoint; the projector then restarts from the checkpoint, so nothing is skipped or doubled.
 *
 * An event that can never be applied (written by a newer build, or one a rule cannot fold) is
 * never skipped: the projector retries after 1 s, 2 s, 4 s … (capped, projector-retry.ts), counts
 * the attempts, logs the 1st, 2nd, 4th, 8th … and names the event in `failing` (stuck-event.ts),
 * which /health/projections shows. When a batch of several fails, the next attempt applies its
 * events one at a time, so those before the bad one are applied and the failure names it. The way
 * out is the operator's: apps/api/README.md, "A stuck projector".
 *
 * Live, events arrive a few at a time (one group commit each). A batch is applied no sooner after
 * the previous one than that one took (at most MAX_COALESCE_MS): under load the batches grow, the
 * transaction's fixed cost is shared, and HTTP requests get the event loop in between; when idle
 * a batch still follows its events on the next turn of the loop.
 *
 * Before subscribing, the read models are checked against the log (align-with-log.ts): read models
 * whose checkpoint the log never reached, or that name other events, are projected again from 0.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { Subject } from 'rxjs';
import type { EventStore, RecordedEvent, Subscription } from '@care-journey/event-store';
import { alignWithLog } from './align-with-log';
import { applyFromStore } from './apply-from-store';
import {
  DEFAULT_RETRY_DELAYS,
  logsAttempt,
  retryDelayMs,
  scheduleWithTimer,
  type ScheduleRetry,
} from './projector-retry';
import { GenerationChanged, type ReadModelStore } from './read-model-store';
import { isStorageError } from './storage-error';
import { fullErrorText, shownError, stuckEventOf, type ProjectorFailure } from './stuck-event';

/** The longest a live batch waits for more events after the previous batch. */
const MAX_COALESCE_MS = 10;

export type ProjectorState = 'stopped' | 'running' | 'failed';

export interface ProjectorOptions {
  batchSize: number;
  /** Wait before the first retry after a failure (default 1000 ms); each next one waits twice as long. */
  restartDelayMs?: number;
  /** Longest wait between retries (default 300000 ms). */
  maxRestartDelayMs?: number;
  /** Restart by itself after a failure (default true). */
  autoRestart?: boolean;
  log?: (message: string) => void;
  /** Where a failed batch is reported (an operator's alert; default: `log`). Recovery goes to `log`. */
  error?: (message: string) => void;
  /** The clock failures are dated by (default: the system clock). */
  now?: () => Date;
  /** How a retry is scheduled (default: an unref'd timer; specs pass their own). */
  scheduleRetry?: ScheduleRetry;
}

export class Projector {
  private subscription?: Subscription;
  private generation = 0;
  private buffer: RecordedEvent[] = [];
  private flushScheduled = false;
  /** The batch being applied (streams are read before its transaction): batches go one at a time. */
  private flushing: Promise<void> = Promise.resolve();
  /** When the last batch finished, and how long it took (performance.now() ms). */
  private lastFlushEnd = 0;
  private lastFlushMs = 0;
  private cancelRetry?: () => void;
  /** The failures in a row since the last attempt that succeeded, and the event they are stuck on. */
  private failureRecord?: ProjectorFailure;
  /**
   * The read-model file may hold a failure record (this run stored one, or an earlier process did
   * and stopped while stuck): the next attempt that succeeds clears it.
   */
  private failureInFile = true;
  /** The batch that just failed (fail() reads it to name the event). */
  private failedBatch?: readonly RecordedEvent[];
  /** After a batch of several failed unnamed: events up to here are applied one per batch. */
  private oneByOneUntil?: bigint;
  /** The check against the log and the subscribing of the latest start (settles, never rejects). */
  private starting: Promise<void> = Promise.resolve();
  private checking = false;
  /** A subscription fail() is stopping: stop() waits for it too. */
  private stopping: Promise<void> = Promise.resolve();
  private runId = 0;
  private currentState: ProjectorState = 'stopped';
  private failure?: unknown;
  /** Each checkpoint reached, after its transaction committed. */
  readonly applied$ = new Subject<bigint>();

  constructor(
    private readonly eventStore: EventStore,
    private readonly readModels: ReadModelStore,
    private readonly options: ProjectorOptions,
  ) {}

  get state(): ProjectorState {
    return this.currentState;
  }

  get lastError(): unknown {
    return this.failure;
  }

  /** The failure it keeps retrying (attempts, since when, the event): undefined once an attempt succeeds (a batch applies, or it catches up). */
  get failing(): ProjectorFailure | undefined {
    return this.failureRecord;
  }

  /** Starts: checks the read models against the log, then subscribes (see whenStarted). */
  start(): void {
    if (this.currentState === 'running') return;
    this.failedBatch = undefined;
    const runId = ++this.runId;
    this.currentState = 'running';
    this.buffer = [];
    this.checking = true;
    this.starting = this.checkThenSubscribe(runId)
      .catch((error: unknown) => this.fail(runId, error))
      .finally(() => {
        if (runId === this.runId || this.currentState !== 'running') this.checking = false;
      });
  }

  /**
   * Settles once the latest start has checked the read models against the log and subscribed, or
   * failed: until then the checkpoint may belong to another log, so nothing should trust it.
   */
  whenStarted(): Promise<void> {
    return this.starting;
  }

  /** True while a start is checking the read models against the log (their checkpoint is not trusted yet). */
  get checkingLog(): boolean {
    return this.checking;
  }

  private async checkThenSubscribe(runId: number): Promise<void> {
    const { generation } = await alignWithLog(this.eventStore, this.readModels, this.options.log);
    if (runId !== this.runId) return; // stopped or restarted meanwhile
    this.generation = generation;
    const fromPosition = this.readModels.checkpoint(generation);
    this.subscription = this.eventStore.subscribeToAll(
      { fromPosition },
      {
        onEvent: (event) => this.receive(runId, event),
        onCaughtUp: () => this.caughtUp(runId),
        onRetry: (error, attempt) =>
          this.options.log?.(`event store unavailable (attempt ${attempt}): ${String(error)}`),
        onError: (error) => void this.fail(runId, error),
      },
    );
  }

  async stop(): Promise<void> {
    this.runId += 1;
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    // A start still checking the log sees the new run id and does not subscribe; waited for, so it writes nothing after.
    await this.starting;
    this.checking = false;
    const subscription = this.subscription;
    this.subscription = undefined;
    await Promise.all([subscription?.stop(), this.stopping]);
    // Graceful: what was received is applied before the process exits.
    if (this.currentState === 'running') {
      try {
        await this.flush();
      } catch (error) {
        this.options.log?.(`final flush failed (will be re-applied on restart): ${String(error)}`);
      }
    }
    this.buffer = [];
    this.currentState = 'stopped';
  }

  /** The generation it projects into (0 before its first start has chosen one). */
  get generationProjected(): number {
    return this.generation;
  }

  /**
   * On an idle log no batch meets GenerationChanged, so a switch by another process (the CLI's
   * rebuild, a realign) would go unnoticed until the next event arrives (review s12-ops F3): a
   * caller's timer asks here, and a running projector moves to the served generation. True if it did.
   */
  async followServedGeneration(): Promise<boolean> {
    if (this.currentState !== 'running' || this.checking || this.generation === 0) return false;
    const served = this.readModels.currentGeneration();
    if (served === this.generation) return false;
    this.options.log?.(
      `the read models switched to generation ${served} (was ${this.generation}): resuming from its checkpoint`,
    );
    await this.restart();
    return true;
  }

  /** Stop and start again from the stored checkpoint (after a rebuild switched generations). */
  async restart(): Promise<void> {
    await this.stop();
    // A rebuild applied every event to the new generation: an old failure says nothing about it.
    this.failureRecord = undefined;
    this.oneByOneUntil = undefined;
    this.start();
  }

  private receive(runId: number, event: RecordedEvent): Promise<void> | undefined {
    // A subscription of an earlier run (stopping, or left by a failure) adds nothing.
    if (runId !== this.runId) return undefined;
    this.buffer.push(event);
    // A full batch is applied inside the handler (the subscription waits for it): if it fails,
    // the subscription stops right here.
    const oneByOne = this.oneByOneUntil !== undefined && event.globalPosition <= this.oneByOneUntil;
    if (this.buffer.length >= (oneByOne ? 1 : this.options.batchSize)) return this.flush();
    this.scheduleFlush();
    return undefined;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const runId = this.runId;
    // After the subscription's current page: many events per transaction while catching up; live,
    // no sooner after the last batch than it took (bounded), so bursts share a transaction.
    const wait = Math.min(this.lastFlushEnd + this.lastFlushMs - performance.now(), MAX_COALESCE_MS);
    void (wait >= 1 ? sleep(wait) : nextTurn()).then(() => {
      this.flushScheduled = false;
      this.safeFlush(runId);
    });
  }

  private safeFlush(runId: number): void {
    if (runId !== this.runId || this.currentState !== 'running') return;
    this.flush().catch((error: unknown) => this.fail(runId, error));
  }

  /**
   * At the log's head: what is buffered is applied, and then this attempt has succeeded even if
   * there was nothing to apply (a retry after a start-up failure on an idle log): the failure ends.
   */
  private caughtUp(runId: number): void {
    if (runId !== this.runId || this.currentState !== 'running') return;
    this.flush()
      .then(() => {
        // A batch applied here has cleared it already: what is left is an attempt with nothing to apply.
        if (runId === this.runId) this.recovered('caught up with the log, nothing left to apply');
      })
      .catch((error: unknown) => this.fail(runId, error));
  }

  /** Applies what is buffered, after the batch before it (in order, one transaction each). */
  private flush(): Promise<void> {
    const next = this.flushing.then(() => this.applyBuffered());
    // The next batch waits for this one whatever its outcome; the caller sees the failure.
    this.flushing = next.catch(() => undefined);
    return next;
  }

  private async applyBuffered(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    const started = performance.now();
    try {
      const result = await applyFromStore(this.eventStore, this.readModels, this.generation, batch, {
        requireCurrent: true,
      });
      if (result.checkpoint !== undefined) this.applied(result.checkpoint);
    } catch (error) {
      this.failedBatch = batch;
      throw error;
    } finally {
      this.lastFlushEnd = performance.now();
      this.lastFlushMs = this.lastFlushEnd - started;
    }
  }

  private applied(checkpoint: bigint): void {
    if (this.oneByOneUntil !== undefined && checkpoint >= this.oneByOneUntil) this.oneByOneUntil = undefined;
    this.recovered(`checkpoint ${checkpoint}`);
    this.applied$.next(checkpoint);
  }

  /** An attempt succeeded (a batch applied, or caught up): the failure, here and in the file, ends. */
  private recovered(where: string): void {
    const failure = this.failureRecord;
    if (failure || this.failureInFile) this.storeFailure(undefined);
    if (failure) {
      this.failureRecord = undefined;
      this.options.log?.(
        `projection moving again after ${failure.attempts} failed attempt(s) since ${failure.since} (${where})`,
      );
    }
  }

  private async fail(runId: number, error: unknown): Promise<void> {
    if (runId !== this.runId) return;
    const failedRun = ++this.runId;
    const subscription = this.subscription;
    this.subscription = undefined;
    this.buffer = [];
    this.stopping = Promise.resolve(subscription?.stop()).catch((stopError: unknown) =>
      this.options.log?.(`stopping the subscription after a failure: ${String(stopError)}`),
    );
    await this.stopping;
    // stop() or restart() ran while the subscription stopped: theirs is the last word.
    if (this.runId !== failedRun) return;
    if (error instanceof GenerationChanged) {
      this.options.log?.(`${error.message}: resuming from the new generation's checkpoint`);
      this.currentState = 'stopped';
      this.start();
      return;
    }
    this.failure = error;
    this.currentState = 'failed';
    const retry = this.options.autoRestart ?? true;
    const failure = this.recordFailure(error);
    if (retry) {
      const delay = retryDelayMs(failure.attempts, {
        firstDelayMs: this.options.restartDelayMs ?? DEFAULT_RETRY_DELAYS.firstDelayMs,
        maxDelayMs: this.options.maxRestartDelayMs ?? DEFAULT_RETRY_DELAYS.maxDelayMs,
      });
      failure.nextAttemptAt = new Date(this.now().getTime() + delay).toISOString();
      this.storeFailure(failure);
      this.logFailure(failure, error, delay);
      this.cancelRetry = (this.options.scheduleRetry ?? scheduleWithTimer)(() => {
        this.cancelRetry = undefined;
        if (this.runId !== failedRun) return; // stopped or restarted meanwhile
        this.currentState = 'stopped';
        this.start();
      }, delay);
    } else {
      this.storeFailure(failure);
      this.logFailure(failure, error, undefined);
    }
  }

  /**
   * Keeps the failure (or its end) in the read-model file, where the API in worker mode reads it
   * for /health/projections. Best effort: the failure may be the file's (disk full, locked), and
   * the log names the event anyway.
   */
  private storeFailure(failure: ProjectorFailure | undefined): void {
    try {
      // A failure before the first start chose a generation: it is about the one served.
      const generation = this.generation > 0 ? this.generation : this.readModels.currentGeneration();
      this.readModels.recordProjectorFailure(generation, failure);
      this.failureInFile = failure !== undefined;
    } catch (error) {
      (this.options.error ?? this.options.log)?.(
        `could not keep the projector's failure in the read-model file: ${String(error)}`,
      );
    }
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** One more failure in a row: counted, dated, and the event named when it can be. */
  private recordFailure(error: unknown): ProjectorFailure {
    const batch = this.failedBatch;
    this.failedBatch = undefined;
    const event = stuckEventOf(error, batch);
    // The next attempt applies the batch's events one at a time: those before the failing one
    // reach the read models, and the failure names its event even when the error does not. Not
    // for a storage failure: no event is at fault, and whole batches go on once the storage does.
    if (batch !== undefined && batch.length > 1 && !isStorageError(error))
      this.oneByOneUntil = batch[batch.length - 1].globalPosition;
    const at = this.now().toISOString();
    const previous = this.failureRecord;
    const failure: ProjectorFailure = {
      attempts: (previous?.attempts ?? 0) + 1,
      since: previous?.since ?? at,
      lastAttemptAt: at,
      ...(event !== undefined && { event }),
      error: shownError(error),
    };
    this.failureRecord = failure;
    return failure;
  }

  /** The 1st, 2nd, 4th, 8th … failure in a row is logged (each line says the count and since when). */
  private logFailure(failure: ProjectorFailure, error: unknown, delay: number | undefined): void {
    if (!logsAttempt(failure.attempts)) return;
    const { event } = failure;
    const where =
      failure.error.kind === 'storage'
        ? 'no event at fault (a storage error: fix the storage)'
        : event === undefined
          ? 'no single event named yet'
          : `event ${event.id} (${event.type}, stream ${event.streamId ?? '?'}, position ${event.globalPosition ?? '?'})`;
    const next =
      delay === undefined
        ? 'not retrying by itself'
        : `retrying in ${delay} ms; next logged at attempt ${failure.attempts * 2}`;
    (this.options.error ?? this.options.log)?.(
      `projection failed, checkpoint kept, nothing skipped (attempt ${failure.attempts}, failing since ${failure.since}) ` +
        `at ${where}: ${fullErrorText(error)}; ${next}. See apps/api/README.md, "A stuck projector".`,
    );
  }
}
