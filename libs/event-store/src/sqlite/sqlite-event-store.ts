import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DEFAULT_BACKOFF, type BackoffPolicy } from '../backoff';
import { StoreUnavailable, type StoreWriterGone } from '../errors';
import type {
  LogPartitionRange,
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandlers,
} from '../event-store.port';
import { onAppended, signalAppended, signalKey } from './append-signal';
import { PollingSubscription } from './polling-subscription';
import { GroupCommit, type PendingAppend } from './group-commit';
import { serializeEvents, type GroupResult } from './sqlite-commit';
import { mapSqliteError } from './sqlite-errors';
import { rowToEvent } from './sqlite-row';
import { applyPragmas, createSchema, type SynchronousMode } from './sqlite-schema';
import { SqliteStatements } from './sqlite-statements';
import { StreamPages, type StreamPageSource } from './sqlite-stream-pages';
import { createOwnerOnlyFile, OWNER_ONLY_DIR_MODE } from './owner-only-file';
import { describeStoreUsers, otherStoreUsers, registerStoreUse } from './store-in-use';
import { fileIdentity, replacedSince, type FileIdentity } from './store-file-identity';
import { sameThreadWriter, ThreadWriter, type SqliteWriter } from './sqlite-writer';
import { DEFAULT_CHECKPOINT_PAGES, deferWriterCheckpoints } from './wal-checkpoint';
import { WalCheckpointer } from './wal-checkpointer';
import type { SqliteWriterMode, StoreConfig } from '../store-config';
import { readLogPartition } from './sqlite-log-partition';
import { validateAppend, validateMaxCount } from '../validate-input';

/** better-sqlite3's largest step: every page left, in one sqlite3_backup_step. */
const ALL_REMAINING_PAGES = 0x7fffffff;

export interface SqliteEventStoreOptions {
  /** Database file; its directory is created if missing. */
  file: string;
  /** 'FULL' (default): an acknowledged append survives power loss. 'NORMAL': faster, survives process crashes only. */
  synchronous?: SynchronousMode;
  /** How often a live subscription looks at the head for appends made by other processes. */
  pollIntervalMs?: number;
  /** Rows per read page: bounds memory of reads and subscriptions. */
  pageSize?: number;
  /** How long a writer waits for another connection's write lock before StoreUnavailable. */
  busyTimeoutMs?: number;
  backoff?: BackoffPolicy;
  /**
   * 'same-thread' (default): this thread writes; a group's COMMIT (its fsync) blocks the event loop.
   * 'thread': a worker thread owns the write connection, so the loop keeps serving requests during
   * the fsync; each group costs two messages (measured: no gain where fsync is fast, see bench/README).
   * Either way an append is acknowledged only after its group's COMMIT returned.
   */
  writer?: SqliteWriterMode;
  /**
   * Who checkpoints the WAL (copies it into the database file), with the same-thread writer.
   * 'thread': a thread of its own runs a PASSIVE checkpoint every `checkpointIntervalMs`
   * after commits (whatever the WAL's size), so the copy and its fsync never run inside a COMMIT on
   * this event loop; the writer still checkpoints itself once the WAL passes 10 × `checkpointPages`
   * (the bound if that thread is missing, dead or behind).
   * 'writer' (default): SQLite's own way, the COMMIT that crosses `checkpointPages` checkpoints.
   * Opt-in for now: it removes the slow checkpointing COMMITs, but the 8-client p99 of the HTTP
   * bench did not improve reliably with it (bench/README, finding 26).
   * The writer thread (`writer: 'thread'`) always checkpoints itself, off this event loop already.
   */
  checkpoints?: 'thread' | 'writer';
  /** WAL pages at which the writer checkpoints: × 1 with 'writer', × 10 with 'thread' (default 250, wal-checkpoint.ts). */
  checkpointPages?: number;
  /** How often the checkpointer thread looks for new commits (default 100 ms). */
  checkpointIntervalMs?: number;
}

const MAX_POSITION = 9_223_372_036_854_775_807n;

/** The EventStore port on one SQLite file (better-sqlite3 is synchronous; the port is async). */
export class SqliteEventStore implements EventStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly statements: SqliteStatements;
  private readonly writer: SqliteWriter;
  private readonly groupCommit = new GroupCommit((group) => this.commitGroup(group));
  private readonly counts = { transactions: 0, appends: 0 };
  private readonly signal: string;
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly subscriptions = new Set<Subscription>();
  private readonly checkpointer: WalCheckpointer | undefined;
  /** Removes this store's in-use marker (store-in-use.ts): `restore` refuses while it exists. */
  private readonly releaseUse: () => void;
  /** The file opened: a write refuses once the path names another (store-file-identity.ts). */
  private readonly opened: FileIdentity | undefined;
  private closed = false;

  private readonly synchronous: SynchronousMode;

  constructor(options: SqliteEventStoreOptions) {
    this.file = options.file;
    this.synchronous = options.synchronous ?? 'FULL';
    this.pageSize = options.pageSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 25;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.signal = signalKey(options.file);
    const checkpointPages = positiveInteger(
      'checkpointPages',
      options.checkpointPages,
      DEFAULT_CHECKPOINT_PAGES,
    );
    const checkpointIntervalMs = positiveInteger('checkpointIntervalMs', options.checkpointIntervalMs, 100);
    if (
      options.checkpoints !== undefined &&
      options.checkpoints !== 'thread' &&
      options.checkpoints !== 'writer'
    ) {
      throw new TypeError(`checkpoints must be 'thread' or 'writer', got ${String(options.checkpoints)}`);
    }
    const checkpointThread = options.writer !== 'thread' && options.checkpoints === 'thread';
    try {
      mkdirSync(dirname(options.file), { recursive: true, mode: OWNER_ONLY_DIR_MODE });
      this.releaseUse = registerStoreUse(options.file);
    } catch (error) {
      throw mapSqliteError(error, options.file, 'open the database');
    }
    // Marker first, then the look for a restore: a restore starting now sees this marker, or this sees its.
    const restoring = otherStoreUsers(options.file, 'restore');
    if (restoring.length > 0) {
      this.releaseUse();
      throw new StoreUnavailable(
        `the event store ${options.file} is being restored by another process; start again once it has finished:\n${describeStoreUsers(restoring)}`,
      );
    }
    try {
      createOwnerOnlyFile(options.file);
      this.db = new Database(options.file, { timeout: options.busyTimeoutMs ?? 5_000 });
      applyPragmas(this.db, options.synchronous ?? 'FULL');
      createSchema(this.db);
      if (checkpointThread) deferWriterCheckpoints(this.db, checkpointPages);
      else this.db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
      this.statements = new SqliteStatements(this.db);
      this.opened = fileIdentity(options.file);
    } catch (error) {
      this.releaseUse();
      throw mapSqliteError(error, options.file, 'open the database');
    }
    this.writer =
      options.writer !== 'thread'
        ? sameThreadWriter(this.db, this.statements)
        : new ThreadWriter({
            file: options.file,
            synchronous: options.synchronous ?? 'FULL',
            busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
            checkpointPages,
          });
    this.checkpointer = checkpointThread
      ? new WalCheckpointer({
          file: options.file,
          synchronous: options.synchronous ?? 'FULL',
          busyTimeoutMs: options.busyTimeoutMs ?? 5_000,
          intervalMs: checkpointIntervalMs,
        })
      : undefined;
  }

  /**
   * Group commit: appends made in the same turn of the event loop are written in one transaction
   * (one fsync); each promise settles only after that COMMIT returned, so an acknowledgement
   * still means durable at synchronous=FULL. See group-commit.ts.
   */
  async appendToStream(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    validateAppend(stream, events, options);
    if (this.closed) throw new Error(`SQLite event store ${this.file} is closed`);
    return this.groupCommit.submit(stream, serializeEvents(events), options.expectedRevision, options.onlyIf);
  }

  /** How many transactions carried how many appends since open (for the bench and specs). */
  commitStats(): { transactions: number; appends: number } {
    return { ...this.counts };
  }

  /** Checkpoints run by the checkpointer thread since open, and whether it runs (for specs and the bench). */
  checkpointStats(): { checkpoints: number; threadRunning: boolean } {
    return {
      checkpoints: this.checkpointer?.checkpoints() ?? 0,
      threadRunning: this.checkpointer?.running() ?? false,
    };
  }

  /** Hands the group to the writer; never rejects (every append's own promise is told instead). */
  private commitGroup(group: PendingAppend[]): Promise<void> | void {
    const replaced = replacedSince(this.file, this.opened);
    if (replaced !== undefined) {
      return this.settle(group, {
        failure: new StoreUnavailable(
          `the event store file ${this.file} was ${replaced} since this process opened it (a restore?); ` +
            'nothing was written: restart this process to use the store now at that path',
        ),
      });
    }
    this.counts.transactions += 1;
    this.counts.appends += group.length;
    const requests = group.map(({ stream, events, expected, onlyIf }) =>
      onlyIf ? { stream, events, expected, onlyIf } : { stream, events, expected },
    );
    let written: GroupResult | Promise<GroupResult>;
    try {
      written = this.writer.commit(requests);
    } catch (error) {
      written = { failure: error };
    }
    this.checkpointer?.committed();
    if (!(written instanceof Promise)) return this.settle(group, written);
    return written.then(
      (result) => this.settle(group, result),
      (error: unknown) => this.settle(group, { failure: error }),
    );
  }

  /** After COMMIT returned: each append learns its own outcome; after a failed group, every one fails. */
  private settle(group: PendingAppend[], result: GroupResult): void {
    if ('failure' in result) {
      // Nothing of the group was committed: every caller learns it.
      const mapped = mapSqliteError(result.failure, this.file, 'append');
      for (const p of group) p.reject(mapped);
      return;
    }
    if (result.outcomes.some((outcome) => outcome.ok)) signalAppended(this.signal);
    group.forEach((p, i) => {
      const outcome = result.outcomes[i];
      if (outcome.ok) p.resolve(outcome.result);
      else p.reject(mapSqliteError(outcome.error, this.file, 'append'));
    });
  }

  /** A PRAGMA on the write connection (the fault specs make the store refuse writes this way). */
  /** The writer thread died (not closed): nothing more is recorded by this store (readiness asks). */
  writerGone(): StoreWriterGone | undefined {
    return this.writer.gone();
  }

  writerPragma(sql: string): Promise<unknown> {
    return this.writer.pragma(sql);
  }

  readStream(stream: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    validateMaxCount(options.maxCount);
    const forwards = options.direction !== 'backwards';
    return new StreamPages(this.streamSource, stream, {
      forwards,
      from: options.fromRevision ?? (forwards ? 0n : MAX_POSITION),
      maxCount: options.maxCount ?? Number.POSITIVE_INFINITY,
      pageSize: this.pageSize,
    });
  }

  /** A stream's pages and existence for StreamPages, SQLite errors mapped as every read's. */
  private readonly streamSource: StreamPageSource = {
    page: (stream, cursor, limit, forwards) => {
      const statement = forwards ? this.statements.streamForwards : this.statements.streamBackwards;
      return this.read(() => statement.all(stream, cursor, limit));
    },
    exists: (stream) => this.read(() => this.statements.streamExists.get(stream)) !== undefined,
  };

  readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    validateMaxCount(options.maxCount);
    return this.allPages(options);
  }

  private async *allPages(options: ReadAllOptions): AsyncGenerator<RecordedEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let cursor = options.fromPosition ?? -1n;
    while (remaining > 0) {
      const limit = Math.min(this.pageSize, remaining);
      const rows = this.read(() => this.statements.readAllPage(cursor, MAX_POSITION, limit, options.filter));
      for (const row of rows) yield rowToEvent(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      cursor = rows[rows.length - 1][0];
    }
  }

  /** Positions are integers, one event each: the event in (position - 1, position]. */
  async eventsAt(position: bigint): Promise<RecordedEvent[]> {
    return this.read(() => this.statements.readAllPage(position - 1n, position, 1, undefined)).map(
      rowToEvent,
    );
  }

  subscribeToAll(options: SubscribeOptions, handlers: SubscriptionHandlers): Subscription {
    if (this.closed) throw new Error(`SQLite event store ${this.file} is closed`);
    const source = {
      head: () => this.headSync(),
      page: (after: bigint, upTo: bigint, limit: number, opts: SubscribeOptions) =>
        this.read(() => this.statements.readAllPage(after, upTo, limit, opts.filter)).map(rowToEvent),
      onAppended: (listener: () => void) => onAppended(this.signal, listener),
    };
    const settings = { pollIntervalMs: this.pollIntervalMs, pageSize: this.pageSize, backoff: this.backoff };
    const subscription: Subscription = new PollingSubscription(source, options, handlers, settings, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<bigint | undefined> {
    return this.headSync();
  }

  /** The file, for another thread's connection; a store in memory cannot be shared. */
  sharedConfig(): StoreConfig | undefined {
    if (this.file === ':memory:' || this.file === '') return undefined;
    return { kind: 'sqlite', file: this.file, synchronous: this.synchronous };
  }

  readPartition(range: LogPartitionRange, pageSize: number): Iterable<RecordedEvent[]> {
    return readLogPartition({ file: this.file, ...range }, pageSize);
  }

  private headSync(): bigint | undefined {
    return this.read(() => this.statements.head.get()) ?? undefined;
  }

  /**
   * Online backup of the live database (safe while appends continue) into `toFile`: a snapshot
   * as of one moment. All pages are copied in one backup step, under one read transaction: copied
   * 100 pages at a time (the default), every append another process makes between two steps
   * restarts the copy, so a busy API could keep a backup from ever finishing. One step blocks this
   * process (the CLI) for the copy, never the writers (WAL).
   */
  async backup(toFile: string): Promise<void> {
    try {
      createOwnerOnlyFile(toFile); // a copy of the records is as private as the store
      await this.db.backup(toFile, { progress: () => ALL_REMAINING_PAGES });
    } catch (error) {
      throw mapSqliteError(error, this.file, `back up to ${toFile}`);
    }
  }

  /** Stops this store's subscriptions, then closes the file. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.groupCommit.flush(); // appends already accepted are committed, not dropped
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    await this.writer.close();
    // Its connection closed first, so this one is the last: SQLite checkpoints and removes the WAL, as before.
    await this.checkpointer?.close();
    this.db.close();
    this.releaseUse();
  }

  private read<T>(query: () => T): T {
    try {
      return query();
    } catch (error) {
      throw mapSqliteError(error, this.file, 'read');
    }
  }
}

/** An optional whole number > 0, or the default; anything else is refused naming the option. */
function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a whole number > 0, got ${String(value)}`);
  }
  return value;
}
