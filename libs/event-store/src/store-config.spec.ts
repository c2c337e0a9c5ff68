import { DEFAULT_SQLITE_FILE, loadStoreConfig, StoreConfigError } from './store-config';

describe('loadStoreConfig', () => {
  it('defaults to SQLite at ./data/care-journey.db with synchronous=FULL, committed on a writer thread', () => {
    expect(loadStoreConfig({})).toEqual({
      kind: 'sqlite',
      file: DEFAULT_SQLITE_FILE,
      synchronous: 'FULL',
      writer: 'thread',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadStoreConfig({ CARE_JOURNEY_STORE: '', CARE_JOURNEY_SQLITE_FILE: ' ' })).toEqual({
      kind: 'sqlite',
      file: DEFAULT_SQLITE_FILE,
      synchronous: 'FULL',
      writer: 'thread',
    });
  });

  it('reads the SQLite file and synchronous mode', () => {
    expect(
      loadStoreConfig({
        CARE_JOURNEY_STORE: 'sqlite',
        CARE_JOURNEY_SQLITE_FILE: '/var/cj/x.db',
        CARE_JOURNEY_SQLITE_SYNCHRONOUS: 'normal',
      }),
    ).toEqual({ kind: 'sqlite', file: '/var/cj/x.db', synchronous: 'NORMAL', writer: 'thread' });
  });

  it('reads who commits: a writer thread (the default), or this thread', () => {
    expect(loadStoreConfig({ CARE_JOURNEY_SQLITE_WRITER: 'Thread' })).toMatchObject({ writer: 'thread' });
    expect(loadStoreConfig({ CARE_JOURNEY_SQLITE_WRITER: ' ' })).toMatchObject({ writer: 'thread' });
    expect(loadStoreConfig({ CARE_JOURNEY_SQLITE_WRITER: 'same-thread' })).toMatchObject({
      writer: 'same-thread',
    });
    expect(() => loadStoreConfig({ CARE_JOURNEY_SQLITE_WRITER: 'worker' })).toThrow(
      /CARE_JOURNEY_SQLITE_WRITER="worker" is invalid: allowed values are 'thread' \(default\) or 'same-thread'/,
    );
  });

  it('reads who checkpoints the WAL: the committing writer (the default), or a thread of its own', () => {
    expect(loadStoreConfig({})).not.toHaveProperty('checkpoints');
    expect(loadStoreConfig({ CARE_JOURNEY_SQLITE_CHECKPOINTS: 'Thread' })).toMatchObject({
      checkpoints: 'thread',
    });
    expect(loadStoreConfig({ CARE_JOURNEY_SQLITE_CHECKPOINTS: 'writer' })).toMatchObject({
      checkpoints: 'writer',
    });
    expect(() => loadStoreConfig({ CARE_JOURNEY_SQLITE_CHECKPOINTS: 'never' })).toThrow(
      /CARE_JOURNEY_SQLITE_CHECKPOINTS="never" is invalid: allowed values are 'writer' \(default\) or 'thread'/,
    );
  });

  it('reads the WAL pages at which the writer checkpoints, whole numbers only', () => {
    expect(loadStoreConfig({})).not.toHaveProperty('checkpointPages');
    expect(loadStoreConfig({ CARE_JOURNEY_SQLITE_CHECKPOINT_PAGES: ' 1000 ' })).toMatchObject({
      checkpointPages: 1000,
    });
    for (const value of ['0', '-5', '2.5', '250 pages', '1000001'])
      expect(() => loadStoreConfig({ CARE_JOURNEY_SQLITE_CHECKPOINT_PAGES: value })).toThrow(
        `CARE_JOURNEY_SQLITE_CHECKPOINT_PAGES=${JSON.stringify(value)} is invalid: must be a whole number of WAL pages from 1 to 1000000`,
      );
  });

  it.each([
    'esdb://localhost:2113?tls=false',
    'esdb+discover://cluster.example:2113',
    'esdb://a:2113,b:2113,c:2113?tls=false&nodePreference=leader',
  ])('accepts EventStoreDB connection string %s', (connectionString) => {
    expect(
      loadStoreConfig({ CARE_JOURNEY_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: connectionString }),
    ).toEqual({
      kind: 'eventstoredb',
      connectionString,
    });
  });

  it('requires EVENTSTORE_CONNECTION_STRING for eventstoredb and says so', () => {
    expect(() => loadStoreConfig({ CARE_JOURNEY_STORE: 'eventstoredb' })).toThrow(
      /EVENTSTORE_CONNECTION_STRING=\(not set\) is invalid: required when CARE_JOURNEY_STORE=eventstoredb/,
    );
  });

  it('rejects a connection string with another scheme, naming variable, value and rule', () => {
    const attempt = () =>
      loadStoreConfig({
        CARE_JOURNEY_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'http://localhost:2113',
      });
    expect(attempt).toThrow(StoreConfigError);
    expect(attempt).toThrow(
      /EVENTSTORE_CONNECTION_STRING="http:\/\/localhost:2113" is invalid: .*'esdb:\/\/' or 'esdb\+discover:\/\/'/,
    );
  });

  it('rejects an unknown store kind', () => {
    expect(() => loadStoreConfig({ CARE_JOURNEY_STORE: 'postgres' })).toThrow(
      `CARE_JOURNEY_STORE="postgres" is invalid: allowed values are 'sqlite' (default) or 'eventstoredb'`,
    );
  });

  it('rejects an unknown synchronous mode', () => {
    expect(() => loadStoreConfig({ CARE_JOURNEY_SQLITE_SYNCHRONOUS: 'OFF' })).toThrow(
      /CARE_JOURNEY_SQLITE_SYNCHRONOUS="OFF" is invalid/,
    );
  });
});
