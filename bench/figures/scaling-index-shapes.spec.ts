import type Database from 'better-sqlite3';
import type { InsertRow } from '../support/cohort-rows';
import { TempDb } from '../support/temp-db';
import { openStreamKeyed } from './scaling-index-shapes';

const row = (stream: string, revision: number, id: string): InsertRow => [
  stream,
  revision,
  id,
  'Tested',
  '{}',
  '{}',
];

describe('the stream-keyed schema probed for scaling: the same uniqueness as the event store', () => {
  let temp: TempDb;
  let db: Database.Database;
  let insert: (row: InsertRow) => void;

  beforeEach(() => {
    temp = new TempDb();
    ({ db, insert } = openStreamKeyed(temp.file, 'OFF'));
  });

  afterEach(() => {
    db.close();
    temp.remove();
  });

  const keys = (): [string, number, number][] =>
    db
      .prepare('SELECT stream_id, revision, stream_key FROM events ORDER BY global_position')
      .raw(true)
      .all() as [string, number, number][];

  it('Given streams started in turn, Then each stream is keyed by the position of its first event', () => {
    insert(row('a', 0, 'a0'));
    insert(row('b', 0, 'b0'));
    insert(row('a', 1, 'a1'));
    insert(row('b', 1, 'b1'));
    expect(keys()).toEqual([
      ['a', 0, 1],
      ['b', 0, 2],
      ['a', 1, 1],
      ['b', 1, 2],
    ]);
  });

  it('Given an id already in the stream, Then a second event with it is refused and nothing is written', () => {
    insert(row('a', 0, 'x'));
    expect(() => insert(row('a', 1, 'x'))).toThrow(/UNIQUE constraint failed: events.stream_key, events.id/);
    expect(keys()).toHaveLength(1);
  });

  it('Given an id in another stream, Then it is a new event in this one (ids are unique per stream)', () => {
    insert(row('a', 0, 'x'));
    insert(row('b', 0, 'x'));
    expect(keys()).toHaveLength(2);
  });

  it('Given a revision already taken, or a second first event, Then the row is refused', () => {
    insert(row('a', 0, 'a0'));
    insert(row('a', 1, 'a1'));
    expect(() => insert(row('a', 1, 'other'))).toThrow(/UNIQUE constraint failed/);
    expect(() => insert(row('a', 0, 'other'))).toThrow(/UNIQUE constraint failed/);
    expect(keys()).toHaveLength(2);
  });

  it('Given a stream with no first event, Then a later revision is refused (it has no key)', () => {
    expect(() => insert(row('nobody', 3, 'n3'))).toThrow(/NOT NULL constraint failed: events.stream_key/);
    expect(keys()).toHaveLength(0);
  });
});
