import { readLastEvent } from './read-last-event';
import { useTempSqliteStore } from './testing/temp-sqlite-store.spec-helper';

describe('readLastEvent', () => {
  const db = useTempSqliteStore('cj-last-');

  const metadata = { recordedAt: '2026-01-01T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };

  it('Given a stream that does not exist, Then there is no last event (not an error)', async () => {
    expect(await readLastEvent(db.store, 'nobody')).toBeUndefined();
  });

  it('Given a stream of two events, Then the last event is the second', async () => {
    await db.store.appendToStream(
      's',
      [
        { id: 'a', type: 'First', data: {}, metadata },
        { id: 'b', type: 'Second', data: {}, metadata },
      ],
      { expectedRevision: 'no_stream' },
    );
    expect(await readLastEvent(db.store, 's')).toMatchObject({ id: 'b', type: 'Second', revision: 1n });
  });
});
