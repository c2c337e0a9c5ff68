import type { Worker } from 'node:worker_threads';
import { startWorkerBeside } from '../worker-beside';
import { CHECKPOINT_SLOTS, type CheckpointerSettings } from './wal-checkpoint';

/**
 * Runs the store's checkpoints on a thread of their own (sqlite-checkpoint.worker.ts). Started at
 * the first commit, so a store that only reads (a backup, the CLI's read commands) starts no
 * thread. Telling it of a commit is one atomic add. The thread never keeps the process alive; if
 * it fails to start or dies, it is not restarted: the writer's own fallback checkpoint bounds the WAL.
 */
export class WalCheckpointer {
  private readonly counters = new Int32Array(new SharedArrayBuffer(CHECKPOINT_SLOTS.length * 4));
  private worker: Worker | undefined;
  private exited: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly settings: Omit<CheckpointerSettings, 'shared'>) {}

  /** After each COMMIT on the writing connection. */
  committed(): void {
    if (!this.worker && !this.stopped) this.start();
    Atomics.add(this.counters, CHECKPOINT_SLOTS.commits, 1);
  }

  /** Checkpoints the thread has run so far (for specs and the bench). */
  checkpoints(): number {
    return Atomics.load(this.counters, CHECKPOINT_SLOTS.checkpoints);
  }

  /** Whether a thread is running (false before the first commit, after close, or once it died). */
  running(): boolean {
    return this.worker !== undefined;
  }

  /** Stops the thread and closes its connection; resolves once it has exited. Safe to call twice. */
  async close(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    worker.ref(); // held until the exit, so a caller with nothing else pending sees close settle
    worker.postMessage('close');
    await this.exited;
  }

  private start(): void {
    let worker: Worker;
    try {
      worker = startWorkerBeside(__dirname, 'sqlite-checkpoint.worker', {
        ...this.settings,
        shared: this.counters.buffer,
      });
    } catch {
      this.stopped = true; // the writer's fallback checkpoints instead
      return;
    }
    worker.unref();
    worker.on('error', () => undefined); // an 'exit' follows; the fallback bounds the WAL
    this.exited = new Promise((resolve) =>
      worker.once('exit', () => {
        if (this.worker === worker) this.worker = undefined;
        this.stopped = true;
        resolve();
      }),
    );
    this.worker = worker;
  }
}
