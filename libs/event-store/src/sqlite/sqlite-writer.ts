import type { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { groupCommitter, type AppendRequest, type GroupResult } from './sqlite-commit';
import type { SqliteStatements } from './sqlite-statements';
import { StoreUnavailable, StoreWriterGone } from '../errors';
import { startWorkerBeside } from '../worker-beside';
import {
  fromWireError,
  fromWireResult,
  type WireError,
  type WriterReply,
  type WriterRequest,
  type WriterSettings,
} from './writer-wire';

/** Who writes the store's groups: its own connection on this thread, or a writer thread. */
export interface SqliteWriter {
  /** One transaction for the group; settled only after its COMMIT returned (or failed). */
  commit(group: AppendRequest[]): GroupResult | Promise<GroupResult>;
  /** A PRAGMA on the write connection (specs use it to make the store refuse writes). */
  pragma(sql: string): Promise<unknown>;
  close(): Promise<void>;
  /** Why this writer can write no more, when it died (not when it was closed): readiness asks. */
  gone(): StoreWriterGone | undefined;
}

/** Writes on the caller's connection: the COMMIT blocks this event loop (the store's old way). */
export function sameThreadWriter(db: Database.Database, statements: SqliteStatements): SqliteWriter {
  const commit = groupCommitter(db, statements);
  return {
    commit,
    pragma: async (sql) => db.pragma(sql),
    close: async () => undefined,
    gone: () => undefined,
  };
}

/** A request before it is numbered (distributes over the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, 'id'> : never;

type Waiting = { resolve(reply: WriterReply): void; reject(error: unknown): void };

/**
 * Writes on a worker thread that owns the write connection (sqlite-writer.worker.ts), so the
 * COMMIT's fsync does not stop this event loop: requests keep being read and decided while a
 * group commits. Requests are answered in order. The thread keeps the process alive only while
 * a request is outstanding (an idle, unclosed store does not hold the process open).
 */
export class ThreadWriter implements SqliteWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private dead: StoreUnavailable | undefined;
  private closing = false;
  private exited: Promise<void>;

  constructor(settings: WriterSettings) {
    this.worker = startWorkerBeside(__dirname, 'sqlite-writer.worker', settings);
    this.worker.unref();
    this.worker.on('message', (reply: WriterReply) => this.settle(reply));
    this.worker.on('error', (error) => this.die(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.die(new Error(`the SQLite writer thread exited (code ${code})`));
        resolve();
      }),
    );
  }

  async commit(group: AppendRequest[]): Promise<GroupResult> {
    const reply = await this.request({ kind: 'commit', group });
    return fromWireResult((reply as WriterReply & { kind: 'commit' }).result);
  }

  async pragma(sql: string): Promise<unknown> {
    const reply = (await this.request({ kind: 'pragma', sql })) as WriterReply & { kind: 'pragma' };
    if (reply.error) throw fromWireError(reply.error as WireError);
    return reply.value;
  }

  async close(): Promise<void> {
    // Held until the thread has exited: unreferenced once the close was answered, the worker no
    // longer kept the loop alive, so a caller with nothing else pending (a CLI, the bench) ended
    // silently inside `await close()`, before the 'exit' event settled it.
    this.closing = true;
    this.worker.ref();
    if (!this.dead) await this.request({ kind: 'close' }).catch(() => undefined);
    await this.exited;
  }

  gone(): StoreWriterGone | undefined {
    return !this.closing && this.dead instanceof StoreWriterGone ? this.dead : undefined;
  }

  private request(message: Unnumbered<WriterRequest>): Promise<WriterReply> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise<WriterReply>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
      // The caller's own literal, numbered in place: a property added after a spread costs ~2 µs (#9).
      this.worker.postMessage(Object.assign(message, { id }) as WriterRequest);
    });
  }

  private settle(reply: WriterReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0 && !this.closing) this.worker.unref();
    waiting.resolve(reply);
  }

  /**
   * The thread is gone, and no other takes its place: whatever it was asked and has not answered
   * fails as outcome unknown (an append may or may not be committed), anything asked later as
   * nothing sent (review s18-es F5).
   */
  private die(error: Error): void {
    if (this.closing) {
      // A normal close (review s18-diff 7): not a dead writer that needs a restart.
      const closed = 'the event store is closed: nothing more is recorded by this process';
      this.dead ??= new StoreUnavailable(closed, error, false);
      for (const waiting of this.waiting.values()) waiting.reject(new StoreUnavailable(closed, error, true));
      this.waiting.clear();
      return;
    }
    const message = `the SQLite writer thread is gone (${error.message}): nothing more is recorded until the process restarts`;
    this.dead ??= new StoreWriterGone(message, error, false);
    const inFlight = new StoreWriterGone(message, error, true);
    for (const waiting of this.waiting.values()) waiting.reject(inFlight);
    this.waiting.clear();
  }
}
