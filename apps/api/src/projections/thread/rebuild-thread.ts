import type { Worker } from 'node:worker_threads';
import { startWorkerBeside } from '@care-journey/event-store';
import { RebuildRunningElsewhere, type RebuildProgress } from '@care-journey/projections';
import type { RebuildThreadMessage, RebuildThreadSettings } from './rebuild-thread.wire';

/**
 * Runs POST /admin/rebuild's rebuild on a worker thread (rebuild-thread.worker.ts) and keeps its
 * progress for GET /admin/rebuild (review s12-ops F9: on the event loop, /health took 0.4–2.7 s
 * during a rebuild of 28k events, and a liveness probe would kill the API part-way). start()
 * answers with the rebuild's first progress report, once the thread has begun; the rebuild goes on
 * there. One at a time: a second start() while one runs answers with the running one.
 */
export class RebuildThread {
  private worker?: Worker;
  private started?: Promise<RebuildProgress>;
  private last?: RebuildProgress;
  /** The thread the last rebuild ran on (not the main thread's 0): for the spec and the log. */
  lastThreadId?: number;

  constructor(
    private readonly settings: RebuildThreadSettings,
    private readonly log: { log(message: string): void; error(message: string): void },
    private readonly workerModule = 'rebuild-thread.worker',
  ) {}

  /** The rebuild's first progress; rejects with RebuildRunningElsewhere (another process rebuilds) or its failure. */
  start(): Promise<RebuildProgress> {
    if (this.started && this.worker) return this.started;
    const worker = startWorkerBeside(__dirname, this.workerModule, this.settings);
    this.worker = worker;
    this.started = new Promise<RebuildProgress>((resolve, reject) => {
      worker.on('message', (message: RebuildThreadMessage) => {
        if (message.kind === 'progress') {
          this.last = message.progress;
          this.lastThreadId = message.threadId;
          resolve(message.progress);
        } else if (message.kind === 'refused') {
          reject(new RebuildRunningElsewhere(message.running));
        } else {
          this.log.error(`rebuild failed: ${message.message}`);
          reject(new Error(message.message));
        }
      });
      worker.once('error', (error) => {
        this.log.error(`rebuild thread died: ${error.message}`);
        reject(error);
      });
      worker.once('exit', () => {
        if (this.worker === worker) this.worker = undefined;
        reject(new Error('the rebuild thread ended before reporting progress'));
      });
    });
    // A failure after the first report is kept in `last` (state 'failed'); no unhandled rejection.
    this.started.catch(() => undefined);
    return this.started;
  }

  /** This API's last rebuild on the thread: running, or how it ended. */
  status(): RebuildProgress | undefined {
    return this.last;
  }

  /** The rebuild while it runs (until its switch is done), for /health/projections' `rebuilding`. */
  running(): RebuildProgress | undefined {
    return this.worker && this.last?.state !== 'done' && this.last?.state !== 'failed'
      ? this.last
      : undefined;
  }

  /** Ends a running rebuild with the API (its partial generation is dropped by the next one). */
  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}
