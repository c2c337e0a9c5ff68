import Database from 'better-sqlite3';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { openRaw } from './raw-sqlite';
import { TempDb } from './temp-db';

/** Each index of the events table: its name, whether it is unique, and its columns in order. */
function indexShape(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const indexes = db
      .prepare('SELECT name, "unique" AS isUnique FROM pragma_index_list(\'events\')')
      .all() as {
      name: string;
      isUnique: number;
    }[];
    return indexes
      .map(({ name, isUnique }) => {
        const columns = db.prepare('SELECT name FROM pragma_index_info(?)').pluck().all(name) as string[];
        return `${name} ${isUnique === 1 ? 'unique' : ''} (${columns.join(', ')})`;
      })
      .sort();
  } finally {
    db.close();
  }
}

describe('the raw baseline table', () => {
  const temps: TempDb[] = [];
  afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

  it("has the event store's indexes, so the limit is the same rows in the same shape", async () => {
    const [raw, ours] = [new TempDb(), new TempDb()];
    temps.push(raw, ours);
    openRaw(raw.file).close();
    await new SqliteEventStore({ file: ours.file }).close();
    expect(indexShape(raw.file)).toEqual(indexShape(ours.file));
    expect(indexShape(raw.file)).toContain('events_stream_id unique (stream_id, id)');
  });
});
