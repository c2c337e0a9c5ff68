/**
 * A rebuild writes its generation without the summaries' secondary indexes and adds them before
 * the switch: whatever is served has them, the same ones a new file starts with.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { lastValueFrom } from 'rxjs';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { appendInterleaved, sampleCohort, tempDir } from '../testing/log-fixtures';
import { ReadModelStore } from './read-model-store';
import { rebuildReadModels } from './rebuild';

/** The summaries' indexes of a generation, by what they index (the generation suffix left out). */
function indexesOf(file: string, generation: number): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
      .all(`child_summaries_g${generation}`) as { sql: string }[];
    return rows.map((row) => row.sql.replace(/_g\d+/g, '_g')).sort();
  } finally {
    db.close();
  }
}

describe('summary indexes of a rebuilt generation', () => {
  let temp: ReturnType<typeof tempDir>;

  beforeEach(() => {
    temp = tempDir('cj-summary-indexes-');
  });
  afterEach(() => temp.remove());

  it('Given a new file, Then its first generation has the six indexes', () => {
    const file = join(temp.dir, 'rm.db');
    new ReadModelStore(file).close();
    expect(indexesOf(file, 1)).toHaveLength(6);
  });

  it('Given a generation made for a rebuild, Then it has none until indexGeneration or switchTo adds the same six', () => {
    const file = join(temp.dir, 'rm.db');
    const readModels = new ReadModelStore(file);
    try {
      const first = indexesOf(file, 1);
      const second = readModels.createGeneration();
      expect(indexesOf(file, second)).toEqual([]);
      readModels.indexGeneration(second);
      expect(indexesOf(file, second)).toEqual(first);
      const third = readModels.createGeneration();
      readModels.switchTo(third);
      expect(indexesOf(file, third)).toEqual(first);
    } finally {
      readModels.close();
    }
  });

  it('Given a log, When it is rebuilt, Then the served generation has the indexes and answers by them', async () => {
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.db') });
    const file = join(temp.dir, 'rm.db');
    const readModels = new ReadModelStore(file);
    try {
      await appendInterleaved(store, sampleCohort(6));
      await lastValueFrom(rebuildReadModels(store, readModels, { batchSize: 7, threads: 1 }));
      const generation = readModels.currentGeneration();
      expect(generation).toBe(2);
      const fresh = join(temp.dir, 'fresh.db');
      new ReadModelStore(fresh).close();
      expect(indexesOf(file, generation)).toEqual(indexesOf(fresh, 1));
      expect(
        readModels.childIds({ inCare: true }).length + readModels.childIds({ inCare: false }).length,
      ).toBe(6);
    } finally {
      readModels.close();
      await store.close();
    }
  }, 60_000);
});
