import type { Worker } from 'node:worker_threads';
import type { ProjectorFailure, ProjectorState } from '@care-journey/projections';
import type { HostMessage, ProjectorThreadSettings, ThreadMessage } from './projector-thread.wire';
import { startWorkerBeside } from '@care-journey/event-store';

export interface ProjectorThreadOptions {
  settings: ProjectorThreadSettings;
  log: { log(message: string): void; error(message: string): void };
  /** First wait before a dead thread is started again; doubles per death in a row (default 1 s). */
  restartDelayMs?: number;
  /** Longest wait between restarts (default 30 s). */
  maxRestartDelayMs?: number;
  /** How long stop() lets the thread finish its batch and close before terminating it (default 10 s). */
  stopTimeoutMs?: number;
  /** The worker module beside this file (specs run a stand-in); default projector-thread.worker. */
  workerModule?: string;
}

/** What /health/projections says about the thread. */
export interface ProjectorThreadHealth {
  /** Times the thread died and was started again since the API started. */
  restarts: number;
  /** Why the projector is not running: its failed batch (it retries) or the thread's death. */
  error?: string;
  /** The last time the thread died, and why. */
  lastDeath?: { at: string; error: string };
}

/**
 * Hosts the projector thread (projector-thread.worker.ts) for the API's main thread: starts it and
 * waits until it has opened its files (a thread that cannot start fails the API's start-up), passes
 * on each checkpoint it commits, keeps its state for /health/projections, and stops it cleanly
 * (the thread applies what it received, closes its files and ends; terminated after a timeout).
 *
 * If the thread dies later (an uncaught error, out of memory), the API keeps serving the read
 * models as they are, reports `projector: 'failed'` with the error, logs it, and starts a new
 * thread after 1 s, 2 s, 4 s … (at most 30 s; back to 1 s once a thread has applied a batch). The
 * new thread resumes from the read models' checkpoint, so nothing is skipped or applied twice. A
 * failed batch does not kill the thread: its projector retries from the checkpoint by itself.
 */
export class ProjectorThread {
  private worker?: Worker;
  private status: { state: ProjectorState; error?: string; failure?: ProjectorFailure } = {
    state: 'stopped',
  };
  private restarts = 0;
  private deathsInARow = 0;
  private lastDeath?: { at: string; error: string };
  private restartTimer?: NodeJS.Timeout;
  private closing = false;
  private readonly appliedListeners = new Set<(checkpoint: bigint) => void>();

  constructor(private readonly options: ProjectorThreadOptions) {}

  get state(): ProjectorState {
    return this.status.state;
  }

  /** The failure the thread's projector keeps retrying (the event it is stuck on), while it does. */
  get failure(): ProjectorFailure | undefined {
    return this.status.failure;
  }

  health(): ProjectorThreadHealth {
    return {
      restarts: this.restarts,
      ...(this.status.error !== undefined && { error: this.status.error }),
      ...(this.lastDeath && { lastDeath: this.lastDeath }),
    };
  }

  /** Called with each checkpoint the thread has committed (in order). */
  onApplied(listener: (checkpoint: bigint) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  /** Resolves once the thread has opened the store and the read models and started projecting. */
  start(): Promise<void> {
    this.closing = false;
    return this.spawn();
  }

  /** Lets the thread apply what it received and close its files, then waits for it to end. */
  async stop(): Promise<void> {
    this.closing = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (worker) {
      worker.ref();
      const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ kind: 'stop' } satisfies HostMessage);
      const timeoutMs = this.options.stopTimeoutMs ?? 10_000;
      const timer = setTimeout(() => {
        this.options.log.error(`the projector thread did not stop within ${timeoutMs} ms: terminating it`);
        void worker.terminate();
      }, timeoutMs);
      await ended;
      clearTimeout(timer);
    }
    this.status = { state: 'stopped' };
  }

  private spawn(): Promise<void> {
    const worker = startWorkerBeside(
      __dirname,
      this.options.workerModule ?? 'projector-thread.worker',
      this.options.settings,
    );
    this.worker = worker;
    let ready = false;
    let error: string | undefined;
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (message: ThreadMessage) => {
        switch (message.kind) {
          case 'ready':
            ready = true;
            // Running, the thread must not hold the process open by itself (stop() refs it again).
            worker.unref();
            this.status = { state: 'running' };
            resolve();
            return;
          case 'applied':
            this.deathsInARow = 0;
            this.notifyApplied(BigInt(message.checkpoint));
            return;
          case 'state':
            this.status = {
              state: message.state,
              ...(message.error !== undefined && { error: message.error }),
              ...(message.failure && { failure: message.failure }),
            };
            return;
          case 'log':
            if (message.level === 'error') this.options.log.error(message.message);
            else this.options.log.log(message.message);
            return;
          case 'stopped':
            return;
        }
      });
      worker.on('error', (thrown) => (error = errorText(thrown)));
      worker.once('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        const why = error ?? `exited with code ${code}`;
        if (!ready) reject(new Error(`The projector thread could not start: ${why}`));
        else if (!this.closing) this.died(why);
      });
    });
  }

  private died(error: string): void {
    if (this.closing) return;
    this.lastDeath = { at: new Date().toISOString(), error };
    this.status = { state: 'failed', error };
    const base = this.options.restartDelayMs ?? 1_000;
    const delay = Math.min(base * 2 ** this.deathsInARow, this.options.maxRestartDelayMs ?? 30_000);
    this.deathsInARow += 1;
    this.options.log.error(
      `the projector thread died (${error}); starting a new one in ${delay} ms. Until then the read models ` +
        'stay as they are and minPosition waits may time out (503).',
    );
    this.restartTimer = setTimeout(() => {
      if (this.closing) return;
      this.restarts += 1;
      this.spawn().catch((thrown: unknown) => this.died(errorText(thrown)));
    }, delay);
    this.restartTimer.unref();
  }

  private notifyApplied(checkpoint: bigint): void {
    for (const listener of this.appliedListeners) listener(checkpoint);
  }
}

/** An error's message (one from the thread is a copy, maybe from another realm: not instanceof Error). */
function errorText(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}
