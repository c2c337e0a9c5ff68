import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ReadModelFile } from './read-model-store-file';

/**
 * `read` and `write` run in one transaction function made when the file is opened (a new one per
 * call cost ~5–10 µs, twice a live batch): what a transaction means must not change with it.
 */
describe('ReadModelFile transactions', () => {
  let dir: string;
  let file: ReadModelFile;
  const rows = (): number[] =>
    (file.db.prepare('SELECT n FROM t ORDER BY n').all() as { n: number }[]).map((row) => row.n);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-file-tx-'));
    file = new ReadModelFile(join(dir, 'rm.db'));
    file.db.exec('CREATE TABLE t (n INTEGER NOT NULL)');
  });
  afterEach(() => {
    file.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given an open file, When it reads and writes many times (nested too), Then no transaction function is made per call', () => {
    const made = jest.spyOn(file.db, 'transaction');
    for (let n = 0; n < 5; n++) {
      file.write(() => file.db.prepare('INSERT INTO t VALUES (?)').run(n));
      expect(file.read(() => file.read(() => rows().length))).toBe(n + 1);
    }
    expect(made).not.toHaveBeenCalled();
    expect(rows()).toEqual([0, 1, 2, 3, 4]);
  });

  it('Given a write whose work throws, When it ends, Then nothing it wrote is kept and the file takes the next write', () => {
    expect(() =>
      file.write(() => {
        file.db.prepare('INSERT INTO t VALUES (1)').run();
        throw new Error('fold failed');
      }),
    ).toThrow('fold failed');
    expect(file.db.inTransaction).toBe(false);
    file.write(() => file.db.prepare('INSERT INTO t VALUES (2)').run());
    expect(rows()).toEqual([2]);
  });

  it('Given a write inside a write, When the inner one throws and the outer goes on, Then only the inner rows are undone', () => {
    file.write(() => {
      file.db.prepare('INSERT INTO t VALUES (1)').run();
      expect(() =>
        file.write(() => {
          file.db.prepare('INSERT INTO t VALUES (2)').run();
          throw new Error('inner');
        }),
      ).toThrow('inner');
      file.db.prepare('INSERT INTO t VALUES (3)').run();
    });
    expect(rows()).toEqual([1, 3]);
  });

  it('Given a write under way, When another connection tries to write, Then it is refused: the lock is held from the start', () => {
    const other = new Database(join(dir, 'rm.db'), { timeout: 0 });
    try {
      file.write(() => {
        expect(() => other.prepare('INSERT INTO t VALUES (9)').run()).toThrow(/locked|busy/i);
      });
      other.prepare('INSERT INTO t VALUES (9)').run();
      expect(rows()).toEqual([9]);
    } finally {
      other.close();
    }
  });
});
