/**
 * Applying a batch of log events (in global order) to a generation: grouped by child, each child
 * folded (read-model-store-child-folds.ts), its rows written and the checkpoint moved to the
 * batch's last position, in ONE transaction, so a crash can never apply an event twice or skip one.
 * A rebuild partition computes its rows outside any transaction and writes them in a short one.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import type { Checkpoints } from './read-model-store-checkpoints';
import type { ChildFolds, StreamSource } from './read-model-store-child-folds';
import type { ReadModelFile } from './read-model-store-file';
import type { Generations } from './read-model-store-generations';
import { insertChangesSql } from './change-log';
import { childIdOf } from './journey-event-record';
import {
  CHANGE_ROWS_PER_INSERT,
  DirectRows,
  PendingRows,
  type ChangeInserts,
  type RowWriter,
  type SummaryWrites,
} from './pending-rows';
import { tablesOf } from './read-model-schema';
import type { WriteLock } from './write-lock';

/** The generation being written is no longer the one served (a rebuild switched): restart. */
export class GenerationChanged extends Error {
  override readonly name = 'GenerationChanged';
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Read-model generation changed from ${expected} to ${actual}`);
  }
}

export interface ApplyOptions {
  /** Refuse (GenerationChanged) when a rebuild has switched generations since the caller started. */
  requireCurrent: boolean;
  /** Children's streams for refolds (see streamsNeeded); none given: a refold throws StreamNeeded. */
  streams?: StreamSource;
  /**
   * One partition of a rebuild (see partitioned-rebuild.ts): the batch holds only its children's
   * events and is computed outside any transaction; its rows are written in a short one while
   * holding `lock`. The generation's checkpoint is not moved: the coordinator sets it once every
   * partition is done.
   */
  partition?: { lock: WriteLock };
}

export interface ApplyResult {
  applied: number;
  /** Events at or below the checkpoint, already applied before. */
  skipped: number;
  checkpoint: bigint | undefined;
}

const upsertSummarySql = (generation: number): string => {
  const { summaries } = tablesOf(generation);
  return `INSERT INTO ${summaries} (child_id, child_ref, team, social_worker, legal_status, in_care, date_of_birth, last_position, summary,
             stream_count, latest_effective, clock, feed_held)
           VALUES (@child_id, @child_ref, @team, @social_worker, @legal_status, @in_care, @date_of_birth, @last_position, @summary,
             @stream_count, @latest_effective, @clock, @feed_held)
           ON CONFLICT (child_id) DO UPDATE SET child_ref = excluded.child_ref, team = excluded.team,
             social_worker = excluded.social_worker, legal_status = excluded.legal_status, in_care = excluded.in_care,
             date_of_birth = excluded.date_of_birth, last_position = excluded.last_position, summary = excluded.summary,
             stream_count = excluded.stream_count, latest_effective = excluded.latest_effective, clock = excluded.clock,
             feed_held = excluded.feed_held`;
};

/** The columns of a summary row that no secondary index holds, and last_position (see RowWriter). */
const updateSummarySql = (generation: number): string => {
  const { summaries } = tablesOf(generation);
  return `UPDATE ${summaries} SET last_position = @last_position, summary = @summary, stream_count = @stream_count,
             latest_effective = @latest_effective, clock = @clock, feed_held = @feed_held
           WHERE child_id = @child_id`;
};

interface GenerationStatements {
  inserts: ChangeInserts;
  summaries: SummaryWrites;
}

export class BatchApplier {
  private readonly statements = new Map<number, GenerationStatements>();

  constructor(
    private readonly file: ReadModelFile,
    private readonly generations: Generations,
    private readonly checkpoints: Checkpoints,
    private readonly children: ChildFolds,
    /** Folds one child's events of the batch, writing its rows (ChildFolds.apply, through the store). */
    private readonly applyToChild: (
      generation: number,
      childId: string,
      events: readonly RecordedEvent[],
      rows: RowWriter,
    ) => void,
  ) {}

  /**
   * Applies a batch to a generation and moves its checkpoint to the batch's last position, in one
   * transaction. With `requireCurrent`, refuses (GenerationChanged) when a rebuild has switched
   * generations since the caller started.
   */
  apply(generation: number, events: readonly RecordedEvent[], options: ApplyOptions): ApplyResult {
    return this.children.inBatch(options.requireCurrent, options.streams, () =>
      options.partition
        ? this.applyPartition(generation, events, options.partition.lock)
        : this.applyInTransaction(generation, events, options),
    );
  }

  private applyInTransaction(
    generation: number,
    events: readonly RecordedEvent[],
    options: ApplyOptions,
  ): ApplyResult {
    return this.file.write((): ApplyResult => {
      if (options.requireCurrent) {
        const current = this.generations.current();
        if (current !== generation) throw new GenerationChanged(generation, current);
      }
      const checkpoint = this.checkpoints.at(generation);
      const fresh = events.filter((event) => checkpoint === undefined || event.globalPosition > checkpoint);
      if (fresh.length === 0) return { applied: 0, skipped: events.length, checkpoint };
      const rows = new DirectRows(this.changeInserts(generation), this.summaryWrites(generation));
      this.applyByChild(generation, fresh, rows);
      rows.flush();
      const lastEvent = fresh[fresh.length - 1];
      const last = lastEvent.globalPosition;
      this.checkpoints.move(generation, last, lastEvent.id);
      return { applied: fresh.length, skipped: events.length - fresh.length, checkpoint: last };
    });
  }

  /**
   * A rebuild partition's batch: computed with no transaction open (only this partition writes
   * these children in this generation), then written in a short transaction under the lock.
   */
  private applyPartition(generation: number, events: readonly RecordedEvent[], lock: WriteLock): ApplyResult {
    const pending = new PendingRows();
    // A read transaction: the children's rows are looked up in one snapshot, not one per statement.
    this.file.read(() => this.applyByChild(generation, events, pending));
    const inserts = this.changeInserts(generation);
    const summaries = this.summaryWrites(generation);
    lock.hold(() => this.file.write(() => pending.writeTo(inserts, summaries)));
    return { applied: events.length, skipped: 0, checkpoint: undefined };
  }

  /** Groups a batch by child (log order kept within each) and applies each child's events. */
  private applyByChild(generation: number, events: readonly RecordedEvent[], rows: RowWriter): void {
    const byChild = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const childId = childIdOf(event);
      if (childId === undefined) continue;
      const list = byChild.get(childId) ?? [];
      list.push(event);
      byChild.set(childId, list);
    }
    for (const [childId, childEvents] of byChild) this.applyToChild(generation, childId, childEvents, rows);
  }

  private changeInserts(generation: number): ChangeInserts {
    return this.statementsOf(generation).inserts;
  }

  private summaryWrites(generation: number): SummaryWrites {
    return this.statementsOf(generation).summaries;
  }

  /**
   * A generation's write statements, looked up once per generation: their SQL (a 32-row insert is a
   * kilobyte) was built and hashed for the statement cache on every batch.
   */
  private statementsOf(generation: number): GenerationStatements {
    let statements = this.statements.get(generation);
    if (statements === undefined) {
      statements = {
        inserts: {
          one: this.file.stmt(insertChangesSql(generation)),
          many: this.file.stmt(insertChangesSql(generation, CHANGE_ROWS_PER_INSERT)),
        },
        summaries: {
          upsert: this.file.stmt(upsertSummarySql(generation)),
          update: this.file.stmt(updateSummarySql(generation)),
        },
      };
      this.statements.set(generation, statements);
    }
    return statements;
  }
}
