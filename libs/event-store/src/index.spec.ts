import * as eventStore from '.';
import * as sqlite from './sqlite';

describe('the event store entry points', () => {
  it('Given the main entry, Then it offers the port, the factory and the errors, and no SQLite adapter', () => {
    expect(Object.keys(eventStore)).toEqual(
      expect.arrayContaining([
        'createEventStore',
        'loadStoreConfig',
        'WrongExpectedRevision',
        'StoreUnavailable',
      ]),
    );
    // The configuration (DEFAULT_SQLITE_FILE, the writer mode) is the factory's input and stays.
    const adapterNames = Object.keys(eventStore).filter((name) => name in sqlite);
    expect(adapterNames).toEqual([]);
  });

  it('Given the SQLite entry (@care-journey/event-store/sqlite), Then it names the adapter and its file tools', () => {
    expect(Object.keys(sqlite).sort()).toEqual(
      [
        'HOST_ID_VARIABLE',
        'HostIdError',
        'OWNER_ONLY_DIR_MODE',
        'OWNER_ONLY_FILE_MODE',
        'SqliteEventStore',
        'appendAfterPosition',
        'byProcess',
        'createOwnerOnlyFile',
        'describeStoreUsers',
        'otherStoreUsers',
        'partitionOf',
        'readHostId',
        'registerStoreUse',
        'removeStaleMarkers',
        'sqliteTableNames',
        'storeMarkers',
      ].sort(),
    );
  });
});
