import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLastEvent } from './read-last-event';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

describe('readLastEvent', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-last-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const metadata = { recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };

  it('Given a stream that does not exist, Then there is no last event (not an error)', async () => {
    expect(await readLastEvent(store, 'nobody')).toBeUndefined();
  });

  it('Given a stream of two events, Then the last event is the second', async () => {
    await store.appendToStream(
      's',
      [
        { id: 'a', type: 'First', data: {}, metadata },
        { id: 'b', type: 'Second', data: {}, metadata },
      ],
      { expectedRevision: 'no_stream' },
    );
    expect(await readLastEvent(store, 's')).toMatchObject({ id: 'b', type: 'Second', revision: 1n });
  });
});
