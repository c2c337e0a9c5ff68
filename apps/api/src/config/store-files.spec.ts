import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoreConfig } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { ReadModelStore } from '@care-journey/projections';
import { ConfigError } from './api-config';
import { checkStoreFiles, readCreateStore } from './store-files';

const sqlite = (file: string): StoreConfig => ({ kind: 'sqlite', file, synchronous: 'FULL' });
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('the store and read-model files are checked before start-up (review s12-ops F7, F8)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'store-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a store path where no store exists, When started without being told to create one, Then it is refused naming the setting and how to create one, and nothing is created', () => {
    const file = join(dir, 'mistyped', 'x.db');
    const message = refusal(() => checkStoreFiles(sqlite(file), `${file}.rm.db`, { createStore: false }));
    expect(message).toBe(
      `CARE_JOURNEY_SQLITE_FILE: no event store at ${file} (a mistyped path, or a volume not mounted?). ` +
        'To start a new, empty store there, set CARE_JOURNEY_SQLITE_CREATE=1 or run `care-journey serve --create-store`',
    );
    expect(existsSync(join(dir, 'mistyped'))).toBe(false);
  });

  it('Given a missing store and createStore, When checked, Then the empty store file is created and reported for the log', () => {
    const file = join(dir, 'new', 'x.db');
    expect(checkStoreFiles(sqlite(file), join(dir, 'new', 'rm.db'), { createStore: true })).toEqual({
      created: file,
    });
    expect(existsSync(file)).toBe(true);
  });

  it('Given an existing store, When checked, Then it starts and nothing is reported created', async () => {
    const file = join(dir, 'live.db');
    await new SqliteEventStore({ file }).close();
    expect(checkStoreFiles(sqlite(file), `${file}.read-models.db`, { createStore: false })).toEqual({});
  });

  it('Given the store path is the read-model path, When checked, Then it is refused naming both settings', () => {
    const file = join(dir, 'read-models.db');
    expect(refusal(() => checkStoreFiles(sqlite(file), file, { createStore: true }))).toMatch(
      /^CARE_JOURNEY_SQLITE_FILE: .* is also the read-model file \(CARE_JOURNEY_READMODEL_FILE\)/,
    );
  });

  it('Given the store path names an existing read-model file, When checked, Then it is refused instead of turned into a log', () => {
    const file = join(dir, 'read-models.db');
    new ReadModelStore(file).close();
    expect(
      refusal(() => checkStoreFiles(sqlite(file), join(dir, 'other.db'), { createStore: true })),
    ).toMatch(
      /^CARE_JOURNEY_SQLITE_FILE: .*read-models\.db holds read models \(tables meta, checkpoints.*\), not an event log/,
    );
  });

  it('Given the store path names a file that is not a SQLite database, When checked, Then it is refused naming the setting and SQLite’s code', () => {
    const file = join(dir, 'notes.db');
    writeFileSync(file, 'a text file saved as .db by mistake, longer than a header page '.repeat(10));
    expect(refusal(() => checkStoreFiles(sqlite(file), join(dir, 'rm.db'), { createStore: false }))).toBe(
      `CARE_JOURNEY_SQLITE_FILE: ${file} is not an event store (SQLITE_NOTADB)`,
    );
  });

  it('Given a store path that is a directory, When checked, Then one line names the setting, the path and why', () => {
    mkdirSync(join(dir, 'd'));
    expect(
      refusal(() => checkStoreFiles(sqlite(join(dir, 'd')), join(dir, 'rm.db'), { createStore: true })),
    ).toBe(`CARE_JOURNEY_SQLITE_FILE: cannot open ${join(dir, 'd')} (EISDIR: it is a directory, not a file)`);
  });

  it('Given a read-model path under a file (not a directory), When checked, Then one line names CARE_JOURNEY_READMODEL_FILE and the path', () => {
    writeFileSync(join(dir, 'plain'), '');
    const readModels = join(dir, 'plain', 'rm.db');
    expect(
      refusal(() => checkStoreFiles(sqlite(join(dir, 'x.db')), readModels, { createStore: true })),
    ).toMatch(new RegExp(`^CARE_JOURNEY_READMODEL_FILE: cannot open ${readModels} \\((ENOTDIR|EEXIST)`));
  });

  it('Given a read-model path no one can create a file at (/proc, even as root), When checked, Then one line names CARE_JOURNEY_READMODEL_FILE, the path and why', () => {
    expect(
      refusal(() => checkStoreFiles(sqlite(join(dir, 'x.db')), '/proc/x.db', { createStore: true })),
    ).toBe(
      'CARE_JOURNEY_READMODEL_FILE: cannot open /proc/x.db (ENOENT: it cannot be created there: does the directory /proc exist and take new files?)',
    );
  });

  it('Given a CARE_JOURNEY_READMODEL_FILE that holds another existing store’s read models, When checked, Then start-up is refused naming the variable and both stores (review s12-ops F2)', async () => {
    const [live, training, shared] = [join(dir, 'live.db'), join(dir, 'training.db'), join(dir, 'shared.db')];
    for (const file of [live, training]) await new SqliteEventStore({ file }).close();
    expect(checkStoreFiles(sqlite(live), shared, { createStore: false })).toEqual({});
    expect(refusal(() => checkStoreFiles(sqlite(training), shared, { createStore: false }))).toMatch(
      new RegExp(
        `^CARE_JOURNEY_READMODEL_FILE: ${shared} holds the read models of the event store ${live}, not of ${training} \\(CARE_JOURNEY_SQLITE_FILE\\)`,
      ),
    );
  });

  it('Given CARE_JOURNEY_SQLITE_CREATE, When read, Then 1 allows creating, 0/unset do not, anything else is refused naming it', () => {
    expect(readCreateStore({ CARE_JOURNEY_SQLITE_CREATE: '1' })).toBe(true);
    expect(readCreateStore({ CARE_JOURNEY_SQLITE_CREATE: '0' })).toBe(false);
    expect(readCreateStore({})).toBe(false);
    expect(() => readCreateStore({ CARE_JOURNEY_SQLITE_CREATE: 'yes' })).toThrow(
      /^CARE_JOURNEY_SQLITE_CREATE: allowed values/,
    );
  });
});
