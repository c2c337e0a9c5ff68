import { mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StoreConfig } from '@care-journey/event-store';
import { ReadModelConfigError } from './read-model-config';
import { claimReadModelFile, STORE_KEY } from './read-model-store-owner';

const sqlite = (file: string): StoreConfig => ({ kind: 'sqlite', file, synchronous: 'FULL' });

/** The store a read-model file records in its meta. */
function recordedStore(readModelFile: string): string | undefined {
  const db = new Database(readModelFile, { readonly: true });
  try {
    const row = db.prepare(`SELECT value FROM meta WHERE key = ?`).get(STORE_KEY) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as { file: string }).file : undefined;
  } finally {
    db.close();
  }
}

function refusal(run: () => unknown): ReadModelConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReadModelConfigError);
    return error as ReadModelConfigError;
  }
  throw new Error('expected a refusal');
}

/** Review s12-ops F2 for an explicit CARE_JOURNEY_READMODEL_FILE: the file records its store. */
describe('a read-model file belongs to one event store', () => {
  let dir: string;
  let live: string;
  let training: string;
  let shared: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rm-owner-'));
    [live, training, shared] = [join(dir, 'live.db'), join(dir, 'training.db'), join(dir, 'shared.db')];
    writeFileSync(live, '');
    writeFileSync(training, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a new read-model file, When a store opens it, Then the file records that store', () => {
    expect(claimReadModelFile(sqlite(live), shared)).toEqual({});
    expect(recordedStore(shared)).toBe(live);
  });

  it('Given a file recorded for the live store, When the live store opens it again, Then it is accepted as it is', () => {
    claimReadModelFile(sqlite(live), shared);
    expect(claimReadModelFile(sqlite(live), shared)).toEqual({});
    expect(recordedStore(shared)).toBe(live);
  });

  it('Given a file recorded for the live store, which still exists, When the training store opens it, Then it is refused naming CARE_JOURNEY_READMODEL_FILE and both stores, and the file still records the live store', () => {
    claimReadModelFile(sqlite(live), shared);
    const error = refusal(() => claimReadModelFile(sqlite(training), shared));
    expect(error.variable).toBe('CARE_JOURNEY_READMODEL_FILE');
    expect(error.message).toBe(
      `CARE_JOURNEY_READMODEL_FILE: ${shared} holds the read models of the event store ${live}, not of ${training} (CARE_JOURNEY_SQLITE_FILE): ` +
        `two stores sharing one read-model file wipe and feed each other's read models. Give this store a file of its own ` +
        `(unset CARE_JOURNEY_READMODEL_FILE for ${training}.read-models.db beside it), or delete ${shared} if ${live} no longer uses it`,
    );
    expect(recordedStore(shared)).toBe(live);
  });

  it('Given the live store reached by another path (a symbolic link), When opened through it, Then it is the same store', () => {
    claimReadModelFile(sqlite(live), shared);
    const link = join(dir, 'link.db');
    symlinkSync(live, link);
    expect(claimReadModelFile(sqlite(link), shared)).toEqual({});
  });

  it('Given the recorded store is no longer there (moved), When the store at its new path opens the file, Then it takes the file over and says so', () => {
    claimReadModelFile(sqlite(live), shared);
    const moved = join(dir, 'moved.db');
    renameSync(live, moved);
    expect(claimReadModelFile(sqlite(moved), shared).takenOver).toBe(
      `the read models in ${shared} were recorded for the event store ${live}, which is no longer there (moved or renamed?): ` +
        `they now belong to ${moved}; the log tie starts them again if they do not match its log`,
    );
    expect(recordedStore(shared)).toBe(moved);
  });

  it('Given the training store’s own default file, copied from the live store’s, When the training store opens it, Then it takes it over (no other store is named after it)', () => {
    const own = `${training}.read-models.db`;
    claimReadModelFile(sqlite(live), own);
    expect(claimReadModelFile(sqlite(training), own).takenOver).toMatch(
      new RegExp(
        `^the read models in ${own}, named after ${training}, were recorded for the event store ${live} \\(copied with it\\?\\)`,
      ),
    );
    expect(recordedStore(own)).toBe(training);
  });

  it('Given an EventStoreDB store or an in-memory file, When opened, Then nothing is recorded or refused', () => {
    const esdb: StoreConfig = { kind: 'eventstoredb', connectionString: 'esdb://localhost:2113?tls=false' };
    expect(claimReadModelFile(esdb, shared)).toEqual({});
    expect(claimReadModelFile(sqlite(':memory:'), shared)).toEqual({});
    expect(claimReadModelFile(sqlite(live), ':memory:')).toEqual({});
  });
});
