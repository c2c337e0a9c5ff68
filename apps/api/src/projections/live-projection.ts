import {
  DEFAULT_STALE_INTERVALS,
  heartbeatSeen,
  type HeartbeatSeen,
  type ProjectionEngine,
  type ProjectionLag,
  type ProjectionsMode,
} from '@care-journey/projections';
import { steadyProjectorState } from './steady-projector-state';
import type { ProjectorThread, ProjectorThreadHealth } from './thread/projector-thread';

export const LIVE_PROJECTION = Symbol('LIVE_PROJECTION');

/**
 * /health/projections: the engine's lag, the mode, in thread mode the thread's health, and in
 * worker mode apps/projector's heartbeat, which says its state (`stale`: no heartbeat for a few
 * intervals, or none ever: the process is gone, hung, or never started on this file).
 */
export interface ApiProjectionLag extends ProjectionLag {
  /** In every mode `failed` from a failed batch until an attempt succeeds (steady-projector-state.ts). */
  projector: ProjectionLag['projector'];
  mode: ProjectionsMode;
  thread?: ProjectorThreadHealth;
  heartbeat?: HeartbeatSeen['heartbeat'];
}

/**
 * Who keeps this API's read models up to date (CARE_JOURNEY_PROJECTIONS), and how a query waits
 * for a position (read-your-writes). Queries themselves always read the read-model file.
 */
export interface LiveProjection {
  readonly mode: ProjectionsMode;
  start(): Promise<void>;
  /** Stops projecting (what was received is applied) and closes the read-model file. */
  close(): Promise<void>;
  /** True once the served read models hold `position`; false after `timeoutMs`. */
  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean>;
  lag(): Promise<ApiProjectionLag>;
}

/**
 * `inline`: the engine's projector runs on this event loop. `worker`: apps/projector writes the
 * file and the engine only reads it (waits poll the file). Both are the engine as it is.
 */
export class EngineProjection implements LiveProjection {
  constructor(
    private readonly engine: ProjectionEngine,
    readonly mode: 'inline' | 'worker',
    /** Worker mode: missed heartbeat intervals after which apps/projector is reported stale. */
    private readonly staleIntervals = DEFAULT_STALE_INTERVALS,
  ) {}

  async start(): Promise<void> {
    this.engine.start();
  }

  close(): Promise<void> {
    return this.engine.close();
  }

  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    return this.engine.waitForPosition(position, timeoutMs);
  }

  async lag(): Promise<ApiProjectionLag> {
    const lag = await this.engine.lag();
    if (this.mode === 'inline')
      return { ...lag, projector: steadyProjectorState(lag.projector, lag.failure), mode: this.mode };
    const seen = heartbeatSeen(
      this.engine.projectorHeartbeat(),
      new Date(),
      this.staleIntervals,
      lag.failure !== undefined,
    );
    return {
      ...lag,
      projector: steadyProjectorState(seen.projector, lag.failure),
      mode: this.mode,
      ...(seen.heartbeat && { heartbeat: seen.heartbeat }),
    };
  }
}

/** While a query waits, how often the file is looked at besides the thread's word (a rebuild's switch). */
const FALLBACK_POLL_MS = 100;

interface Waiter {
  position: bigint;
  resolve(reached: boolean): void;
  timer: NodeJS.Timeout;
}

/**
 * `thread`: the projector runs on a worker thread of this process (ProjectorThread) and the engine
 * here only reads the file. A wait is settled when the thread says it committed the position
 * (checked against the file, which is what queries read), or by a slow poll of the file (a rebuild
 * switching generations), or at its timeout.
 */
export class ThreadProjection implements LiveProjection {
  readonly mode = 'thread' as const;
  private readonly waiters = new Set<Waiter>();
  private poll?: NodeJS.Timeout;

  constructor(
    private readonly engine: ProjectionEngine,
    private readonly thread: ProjectorThread,
  ) {
    thread.onApplied((checkpoint) => this.applied(checkpoint));
  }

  start(): Promise<void> {
    return this.thread.start();
  }

  async close(): Promise<void> {
    await this.thread.stop();
    this.settleReached();
    for (const waiter of this.waiters) this.settle(waiter, false);
    await this.engine.close();
  }

  waitForPosition(position: bigint, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => this.settle(waiter, this.reached(position)), timeoutMs),
      };
      this.waiters.add(waiter);
      this.poll ??= setInterval(() => this.settleReached(), FALLBACK_POLL_MS);
    });
  }

  async lag(): Promise<ApiProjectionLag> {
    // Checkpoint, head, generation from the file and the store. The failure is the thread's word,
    // with its state, not the copy its projector keeps in the file (a message behind it).
    const { failure: _stored, ...lag } = await this.engine.lag();
    const failure = this.thread.failure;
    const health = this.thread.health();
    // While a retry is in flight the thread names no error: the failure's is still the last one.
    const error = health.error ?? failure?.error.detail;
    return {
      ...lag,
      projector: steadyProjectorState(this.thread.state, failure),
      ...(failure && { failure }),
      mode: this.mode,
      thread: { ...health, ...(error !== undefined && { error }) },
    };
  }

  private applied(checkpoint: bigint): void {
    // Most batches settle nobody: read the file only when a waiter may be satisfied.
    for (const waiter of this.waiters) {
      if (waiter.position <= checkpoint) return this.settleReached();
    }
  }

  private settleReached(): void {
    if (this.waiters.size === 0) return;
    const checkpoint = this.engine.checkpoint();
    if (checkpoint === undefined) return;
    for (const waiter of this.waiters) if (waiter.position <= checkpoint) this.settle(waiter, true);
  }

  private settle(waiter: Waiter, reached: boolean): void {
    clearTimeout(waiter.timer);
    this.waiters.delete(waiter);
    if (this.waiters.size === 0) {
      clearInterval(this.poll);
      this.poll = undefined;
    }
    waiter.resolve(reached);
  }

  private reached(position: bigint): boolean {
    const checkpoint = this.engine.checkpoint();
    return checkpoint !== undefined && checkpoint >= position;
  }
}
