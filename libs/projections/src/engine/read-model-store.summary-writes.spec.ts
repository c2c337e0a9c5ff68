/**
 * A summary row is written whole (upsert) only when it is new or one of its indexed columns
 * changes; otherwise only the columns no index holds are updated (bench/README finding 42). Both
 * paths must leave exactly the row a fold of every event in one batch leaves.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '@care-journey/event-store';
import { journey } from '../testing/journey-builder';
import { recordedEvents, tempDir } from '../testing/log-fixtures';
import type { RowWriter, SummaryParams } from './pending-rows';
import { tablesOf } from './read-model-schema';
import { ReadModelStore } from './read-model-store';

/** Records which summary write each child's fold chose, and passes it on. */
class RecordingStore extends ReadModelStore {
  readonly writes: string[] = [];

  protected override applyToChild(
    generation: number,
    childId: string,
    events: readonly RecordedEvent[],
    rows: RowWriter,
  ): void {
    const writes = this.writes;
    super.applyToChild(generation, childId, events, {
      changes: (position, eventId, changes) => rows.changes(position, eventId, changes),
      summary(row: SummaryParams) {
        writes.push(`whole at ${row.last_position}`);
        rows.summary(row);
      },
      summaryKeepingIndexed(row: SummaryParams) {
        writes.push(`unindexed at ${row.last_position}`);
        rows.summaryKeepingIndexed(row);
      },
    });
  }
}

describe('summary rows: the whole row only when an indexed column changes', () => {
  let temp: ReturnType<typeof tempDir>;
  const opened: ReadModelStore[] = [];
  beforeEach(() => {
    temp = tempDir('cj-summary-writes-');
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    temp.remove();
  });

  const child = journey('kit')
    .registered('2026-01-05')
    .startCare('2026-01-05', 'C2')
    .review('2026-02-01')
    .move('2026-03-02')
    .legalStatus('2026-04-01', 'C1')
    .review('2026-05-01');
  const log = recordedEvents('kit', child.events);
  /** The child's summary row as in the file, read on a connection of its own. */
  const summaryRow = (file: string, generation: number): unknown => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(`SELECT * FROM ${tablesOf(generation).summaries} WHERE child_id = 'kit'`).get();
    } finally {
      db.close();
    }
  };

  it('Given a child folded batch by batch, When its events change no indexed column, Then only the others are written, and the row equals a one-batch fold', () => {
    const live = new RecordingStore(join(temp.dir, 'live.db'));
    opened.push(live);
    const generation = live.currentGeneration();
    // registered + care start, then one event a batch: review, move, legal status C1, review
    live.applyBatch(generation, log.slice(0, 2), { requireCurrent: true });
    for (let at = 2; at < log.length; at++)
      live.applyBatch(generation, log.slice(at, at + 1), { requireCurrent: true });

    expect(live.writes).toEqual([
      'whole at 2', // a new row
      'unindexed at 3', // review
      'unindexed at 4', // move
      'whole at 5', // legal status C2 → C1: an indexed column
      'unindexed at 6', // review
    ]);

    const once = new ReadModelStore(join(temp.dir, 'once.db'));
    opened.push(once);
    once.applyBatch(once.currentGeneration(), log, { requireCurrent: true });
    const row = summaryRow(join(temp.dir, 'live.db'), generation);
    expect(row).toMatchObject({ legal_status: 'C1', in_care: 1, last_position: 6 });
    expect(row).toEqual(summaryRow(join(temp.dir, 'once.db'), once.currentGeneration()));
  });

  it('Given the file reopened (nothing kept in memory), When the next event changes no indexed column, Then the row read back decides it', () => {
    const file = join(temp.dir, 'reopened.db');
    const first = new ReadModelStore(file);
    first.applyBatch(first.currentGeneration(), log.slice(0, 3), { requireCurrent: true });
    first.close();

    const reopened = new RecordingStore(file);
    opened.push(reopened);
    reopened.applyBatch(reopened.currentGeneration(), log.slice(3, 4), { requireCurrent: true });
    expect(reopened.writes).toEqual(['unindexed at 4']);
  });
});
