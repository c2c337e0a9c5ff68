/**
 * The read-model SQLite file, opened: its connection settings, a statement cache, and the two kinds
 * of transaction the store uses (a read snapshot, and a write that takes the lock at once).
 */
import Database, { type Database as Db, type Statement, type Transaction } from 'better-sqlite3';
import { createOwnerOnlyFile } from '@care-journey/event-store/sqlite';

export class ReadModelFile {
  readonly db: Db;
  private readonly statements = new Map<string, Statement>();
  /**
   * The one transaction function `read` and `write` run their work in. better-sqlite3's
   * `transaction()` builds four wrapper functions and defines five properties on each (~5–10 µs a
   * call); made per call, that was twice a live batch and twice a rebuild partition's batch.
   */
  private readonly inTransaction: Transaction<(work: () => unknown) => unknown>;

  constructor(readonly file: string) {
    createOwnerOnlyFile(file); // 0600, as the event store: the read models hold names and dates of birth
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // Read models are disposable and rebuildable: NORMAL can lose the last commits on power loss,
    // never corrupt, and a lost batch is lost together with its checkpoint, so it is re-applied.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 10000');
    this.inTransaction = this.db.transaction((work: () => unknown) => work());
  }

  /** Prepared once per SQL text: the hot path runs the same few statements per child. */
  stmt(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Whether the file has this table (asked per batch: the statement is kept, not prepared each time). */
  hasTable(name: string): boolean {
    return this.stmt(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
  }

  /**
   * SQLite's data_version: it changes when another connection commits to the file, never for this
   * connection's own commits (asked once per batch: see ChildFolds).
   */
  dataVersion(): number {
    return this.stmt('PRAGMA data_version').pluck().get() as number;
  }

  /**
   * A statement reading last_position, which holds a global position: read with safeIntegers so a
   * position above 2^53 (EventStoreDB's are byte offsets) comes back exact, as a bigint. Every
   * integer column it reads is then a bigint.
   */
  positionStmt(sql: string): Statement {
    return this.stmt(sql).safeIntegers(true);
  }

  /** `work` in one read transaction: every statement sees the same snapshot. */
  read<T>(work: () => T): T {
    return this.inTransaction(work) as T;
  }

  /** `work` in one write transaction, holding the write lock from its start (BEGIN IMMEDIATE). */
  write<T>(work: () => T): T {
    return this.inTransaction.immediate(work) as T;
  }

  /**
   * Pages of WAL after which a commit of this connection checkpoints it into the file (SQLite's
   * wal_autocheckpoint); returns the previous value.
   */
  walCheckpointEvery(pages: number): number {
    const previous = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    this.db.pragma(`wal_autocheckpoint = ${Math.trunc(pages)}`);
    return previous;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
