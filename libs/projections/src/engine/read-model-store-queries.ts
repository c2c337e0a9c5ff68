/** What the served generation holds, read in one snapshot with the generation it belongs to. */
import { feedContentOf } from './read-model-store-feed-content';
import type { ChangeLogPage } from '../feed/feed-page';
import type { FeedCheckpoint } from '../feed/feed-checkpoint';
import type { JourneySummary } from '../summary/journey-summary';
import type { Checkpoints } from './read-model-store-checkpoints';
import { changeLogStart } from './read-model-store-change-log-start';
import type { ReadModelFile } from './read-model-store-file';
import type { Generations } from './read-model-store-generations';
import { readChanges } from './change-log';
import { tablesOf } from './read-model-schema';

export interface SummaryRecord {
  summary: JourneySummary;
  /** The global position of the child's last event applied: a bigint, as positions are everywhere. */
  lastPosition: bigint;
}

/** The indexed columns children can be listed by (state at the end of what is recorded). */
export interface ChildFilter {
  team?: string;
  socialWorker?: string;
  legalStatus?: string;
  inCare?: boolean;
}

export class ReadModelQueries {
  constructor(
    private readonly file: ReadModelFile,
    private readonly generations: Generations,
    private readonly checkpoints: Checkpoints,
  ) {}

  /** Summaries of the served generation updated after `afterPosition` (all when undefined). */
  summariesChangedSince(afterPosition: bigint | undefined): { generation: number; records: SummaryRecord[] } {
    return this.file.read(() => {
      const generation = this.generations.current();
      const { summaries } = tablesOf(generation);
      const rows = this.file
        .positionStmt(`SELECT summary, last_position FROM ${summaries} WHERE last_position > ?`)
        .all(afterPosition ?? -1n) as { summary: string; last_position: bigint }[];
      return {
        generation,
        records: rows.map((row) => ({
          summary: JSON.parse(row.summary) as JourneySummary,
          lastPosition: row.last_position,
        })),
      };
    });
  }

  /** The served generation's change log after `after`, with its checkpoint. */
  changesAfter(after: FeedCheckpoint | undefined, limit: number): ChangeLogPage {
    return this.file.read((): ChangeLogPage => {
      const generation = this.generations.current();
      const start = changeLogStart(this.file, generation);
      return {
        changes: readChanges(this.file.db, generation, after, limit),
        checkpoint: this.checkpoints.at(generation),
        content: feedContentOf(this.file, generation),
        ...(start !== undefined && { startsAfter: start }),
      };
    });
  }

  summary(childId: string): JourneySummary | undefined {
    const { summaries } = tablesOf(this.generations.current());
    const row = this.file.db.prepare(`SELECT summary FROM ${summaries} WHERE child_id = ?`).get(childId) as
      { summary: string } | undefined;
    return row ? (JSON.parse(row.summary) as JourneySummary) : undefined;
  }

  /** Child ids by the indexed columns, in id order. */
  childIds(filter: ChildFilter = {}): string[] {
    const { summaries } = tablesOf(this.generations.current());
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    const add = (clause: string, value: string | number | undefined): void => {
      if (value === undefined) return;
      clauses.push(clause);
      params.push(value);
    };
    add('team = ?', filter.team);
    add('social_worker = ?', filter.socialWorker);
    add('legal_status = ?', filter.legalStatus);
    add('in_care = ?', filter.inCare === undefined ? undefined : filter.inCare ? 1 : 0);
    const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
    return (
      this.file.db.prepare(`SELECT child_id FROM ${summaries} ${where} ORDER BY child_id`).all(...params) as {
        child_id: string;
      }[]
    ).map((row) => row.child_id);
  }
}
