/**
 * Where a batch's rows go. Applied in one transaction (the live projector, a single-threaded
 * rebuild), rows are written as they are made. A rebuild partition computes its batch outside any
 * transaction and holds the rows here, so the write lock is held only while they are written.
 */
import type { Statement } from 'better-sqlite3';
import type { ChangeRecord } from '../feed/change-record';
import type { SummaryColumns } from './summary-row';

/** A summary row's parameters, named as the upsert's placeholders. */
export interface SummaryParams extends SummaryColumns {
  child_id: string;
  last_position: number;
  summary: string;
  stream_count: number;
  latest_effective: string;
  clock: string | null;
}

export interface RowWriter {
  /** The changes one event made to its child's view, indexed from 0 in order. */
  changes(position: bigint, eventId: string, changes: readonly ChangeRecord[]): void;
  summary(row: SummaryParams): void;
}

/** Writes each row at once with the generation's statements (inside the caller's transaction). */
export class DirectRows implements RowWriter {
  constructor(
    private readonly insertChange: Statement,
    private readonly upsertSummary: Statement,
  ) {}

  changes(position: bigint, eventId: string, changes: readonly ChangeRecord[]): void {
    for (let index = 0; index < changes.length; index++) {
      const change = changes[index];
      this.insertChange.run(position, index, change.childId, eventId, JSON.stringify(change));
    }
  }

  summary(row: SummaryParams): void {
    this.upsertSummary.run(row);
  }
}

type ChangeRow = [position: bigint, index: number, childId: string, eventId: string, change: string];

/** Holds rows until `writeTo` (a change's JSON is made when held: the write stays short). */
export class PendingRows implements RowWriter {
  private readonly changeRows: ChangeRow[] = [];
  private readonly summaryRows: SummaryParams[] = [];

  changes(position: bigint, eventId: string, changes: readonly ChangeRecord[]): void {
    for (let index = 0; index < changes.length; index++) {
      const change = changes[index];
      this.changeRows.push([position, index, change.childId, eventId, JSON.stringify(change)]);
    }
  }

  summary(row: SummaryParams): void {
    this.summaryRows.push(row);
  }

  writeTo(insertChange: Statement, upsertSummary: Statement): void {
    for (const row of this.changeRows) insertChange.run(row);
    for (const row of this.summaryRows) upsertSummary.run(row);
  }
}
