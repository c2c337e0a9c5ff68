import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';
import { sqliteTableNames } from './sqlite-table-names';

describe('the tables a SQLite file holds, for start-up checks', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-tables-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given an event store file, When its tables are listed, Then the log table is among them and the file is unchanged', async () => {
    const file = join(dir, 'events.db');
    await new SqliteEventStore({ file }).close();
    const before = readFileSync(file);
    expect(sqliteTableNames(file)).toContain('events');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('Given no file at the path, When its tables are listed, Then it throws and creates nothing', () => {
    const file = join(dir, 'missing.db');
    expect(() => sqliteTableNames(file)).toThrow();
    expect(existsSync(file)).toBe(false);
  });

  it('Given a file that is not a SQLite database, When its tables are listed, Then it throws with SQLite’s code', () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'not a database, just text long enough to fill a header page '.repeat(10));
    expect(() => sqliteTableNames(file)).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
  });
});
