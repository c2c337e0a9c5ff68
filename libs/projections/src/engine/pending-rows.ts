/**
 * Where a batch's rows go. Applied in one transaction (the live projector, a single-threaded
 * rebuild), rows are written as they are made (change rows a few dozen at a time). A rebuild
 * partition computes its batch outside any transaction and holds the rows here, so the write lock
 * is held only while they are written.
 */
import type { Statement } from 'better-sqlite3';
import type { ChangeRecord } from '../feed/change-record';
import type { SummaryColumns } from './summary-row';

/** A summary row's parameters, named as the upsert's placeholders. */
export interface SummaryParams extends SummaryColumns {
  child_id: string;
  /** A global position: bound as a bigint, so SQLite's INTEGER keeps it exact above 2^53. */
  last_position: bigint;
  summary: string;
  stream_count: number;
  latest_effective: string;
  clock: string | null;
  /** What a consumer of the feed holds beside the child's view (feed/held-facts.ts). */
  feed_held: string | null;
}

export interface RowWriter {
  /** The changes one event made to its child's view, indexed from 0 in order. */
  changes(position: bigint, eventId: string, changes: readonly ChangeRecord[]): void;
  /** A child's summary row, inserted or every column replaced. */
  summary(row: SummaryParams): void;
  /**
   * A child's summary row that exists with the same indexed columns (SummaryColumns): only the
   * others are written. An upsert sets every column, so SQLite rewrites all six index entries;
   * most events change none of them (bench/README finding 42).
   */
  summaryKeepingIndexed(row: SummaryParams): void;
}

/** The summary statements: the upsert, and the update of the columns no index holds but last_position. */
export interface SummaryWrites {
  upsert: Statement;
  update: Statement;
}

/**
 * Change rows per INSERT: one statement run per row (binding, stepping, resetting) was about as
 * dear as the row itself; rows are gathered and inserted this many at a time.
 */
export const CHANGE_ROWS_PER_INSERT = 32;

/** The change-log inserts: one row (insertChangesSql(g)) and CHANGE_ROWS_PER_INSERT rows. */
export interface ChangeInserts {
  one: Statement;
  many: Statement;
}

const COLUMNS = 5;

/** Change rows gathered into multi-row inserts; `flush` writes what is left. */
class ChangeRowBuffer {
  private readonly values: unknown[] = new Array<unknown>(CHANGE_ROWS_PER_INSERT * COLUMNS);
  private rows = 0;

  constructor(private readonly inserts: ChangeInserts) {}

  add(position: bigint, index: number, childId: string, eventId: string, change: string): void {
    const values = this.values;
    const at = this.rows * COLUMNS;
    values[at] = position;
    values[at + 1] = index;
    values[at + 2] = childId;
    values[at + 3] = eventId;
    values[at + 4] = change;
    this.rows += 1;
    if (this.rows === CHANGE_ROWS_PER_INSERT) {
      this.inserts.many.run(values);
      this.rows = 0;
    }
  }

  flush(): void {
    const values = this.values;
    for (let row = 0; row < this.rows; row++) {
      const at = row * COLUMNS;
      this.inserts.one.run(values[at], values[at + 1], values[at + 2], values[at + 3], values[at + 4]);
    }
    this.rows = 0;
  }
}

/**
 * Writes rows with the generation's statements inside the caller's transaction: summaries at
 * once, change rows gathered (CHANGE_ROWS_PER_INSERT); call `flush` before the transaction ends.
 */
export class DirectRows implements RowWriter {
  private readonly buffer: ChangeRowBuffer;

  constructor(
    inserts: ChangeInserts,
    private readonly summaries: SummaryWrites,
  ) {
    this.buffer = new ChangeRowBuffer(inserts);
  }

  changes(position: bigint, eventId: string, changes: readonly ChangeRecord[]): void {
    for (let index = 0; index < changes.length; index++) {
      const change = changes[index];
      this.buffer.add(position, index, change.childId, eventId, JSON.stringify(change));
    }
  }

  summary(row: SummaryParams): void {
    this.summaries.upsert.run(row);
  }

  summaryKeepingIndexed(row: SummaryParams): void {
    this.summaries.update.run(row);
  }

  flush(): void {
    this.buffer.flush();
  }
}

type ChangeRow = [position: bigint, index: number, childId: string, eventId: string, change: string];

/** Holds rows until `writeTo` (a change's JSON is made when held: the write stays short). */
export class PendingRows implements RowWriter {
  private readonly changeRows: ChangeRow[] = [];
  private readonly summaryRows: SummaryParams[] = [];
  /** Per summary row: true where only the columns no index holds are written. */
  private readonly keepingIndexed: boolean[] = [];

  changes(position: bigint, eventId: string, changes: readonly ChangeRecord[]): void {
    for (let index = 0; index < changes.length; index++) {
      const change = changes[index];
      this.changeRows.push([position, index, change.childId, eventId, JSON.stringify(change)]);
    }
  }

  summary(row: SummaryParams): void {
    this.summaryRows.push(row);
    this.keepingIndexed.push(false);
  }

  summaryKeepingIndexed(row: SummaryParams): void {
    this.summaryRows.push(row);
    this.keepingIndexed.push(true);
  }

  writeTo(inserts: ChangeInserts, summaries: SummaryWrites): void {
    const buffer = new ChangeRowBuffer(inserts);
    for (const row of this.changeRows) buffer.add(row[0], row[1], row[2], row[3], row[4]);
    buffer.flush();
    const rows = this.summaryRows;
    for (let i = 0; i < rows.length; i++)
      (this.keepingIndexed[i] ? summaries.update : summaries.upsert).run(rows[i]);
  }
}
