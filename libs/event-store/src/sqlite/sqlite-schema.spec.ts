import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventIds, WrongExpectedRevision } from '../errors';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import type { SqliteWriterMode } from '../store-config';
import { SqliteEventStore } from './sqlite-event-store';
import { idsUniqueAcrossLog } from './sqlite-schema';

/** The DDL of every version before ids were scoped to the stream, verbatim. */
const OLD_DDL = `
CREATE TABLE IF NOT EXISTS events (
  global_position INTEGER PRIMARY KEY,
  stream_id       TEXT    NOT NULL,
  revision        INTEGER NOT NULL,
  id              TEXT    NOT NULL UNIQUE,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_stream_revision ON events (stream_id, revision);
`;

const LOOKUP = 'SELECT revision, global_position FROM events WHERE stream_id = ? AND id = ?';

const events = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({
    id: randomUUID(),
    type: 'Tested',
    data: { n },
    metadata: { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'schema-spec', schemaVersion: 1 },
  }));

async function read(store: SqliteEventStore, stream: string): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for await (const event of store.readStream(stream)) all.push(event);
  return all;
}

async function rejection(attempt: Promise<unknown>): Promise<unknown> {
  return attempt.then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe('event store schema: ids unique per stream', () => {
  let dir: string;
  let file: string;
  const stores: SqliteEventStore[] = [];
  const open = (writer: SqliteWriterMode = 'same-thread') => {
    const store = new SqliteEventStore({ file, writer });
    stores.push(store);
    return store;
  };
  const inspect = <T>(look: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly: true });
    try {
      return look(db);
    } finally {
      db.close();
    }
  };
  const indexes = () =>
    inspect((db) =>
      db.prepare("SELECT name FROM pragma_index_list('events') ORDER BY name").pluck().all().map(String),
    );
  const plan = () =>
    inspect((db) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${LOOKUP}`).all('s', 'x') as { detail: string }[])
        .map((row) => row.detail)
        .join('; '),
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-schema-'));
    file = join(dir, 'events.db');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a new file with (stream_id, id) unique and no index on id alone', async () => {
    await open().close();
    expect(indexes()).toEqual(['events_stream_id', 'events_stream_revision']);
    expect(inspect(idsUniqueAcrossLog)).toBe(false);
    expect(plan()).toContain('events_stream_id');
    const columns = inspect(
      (db) => db.prepare("SELECT name FROM pragma_index_info('events_stream_id')").pluck().all() as string[],
    );
    expect(columns).toEqual(['stream_id', 'id']);
  });

  it('opens a new file again without changing its indexes', async () => {
    await open().close();
    await open().close();
    expect(indexes()).toEqual(['events_stream_id', 'events_stream_revision']);
  });

  describe.each<SqliteWriterMode>(['same-thread', 'thread'])(
    'a file made by an earlier version (inline UNIQUE on id), %s writer',
    (writer) => {
      beforeEach(() => {
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        db.exec(OLD_DDL);
        db.close();
      });

      it('opens with its indexes unchanged; its own id index answers the per-stream look-up', async () => {
        await open(writer).close();
        expect(indexes()).toEqual(['events_stream_revision', 'sqlite_autoindex_events_1']);
        expect(inspect(idsUniqueAcrossLog)).toBe(true);
        expect(plan()).toContain('sqlite_autoindex_events_1');
      });

      it('appends, recognises an idempotent retry and refuses a partial one, as before', async () => {
        const store = open(writer);
        const batch = events(3);
        const original = await store.appendToStream('s', batch, { expectedRevision: 'no_stream' });
        expect(await store.appendToStream('s', batch, { expectedRevision: 'no_stream' })).toEqual(original);
        expect(await store.appendToStream('s', batch, { expectedRevision: 'any' })).toEqual(original);
        const mixed = [batch[2], ...events(1)];
        await expect(store.appendToStream('s', mixed, { expectedRevision: 'any' })).rejects.toThrow(
          /not an exact retry/,
        );
        await expect(store.appendToStream('s', mixed, { expectedRevision: 2n })).rejects.toThrow(
          /not an exact retry/,
        );
        const twice = events(1);
        await expect(
          store.appendToStream('s', [twice[0], twice[0]], { expectedRevision: 2n }),
        ).rejects.toThrow(/repeats an id/);
        expect((await read(store, 's')).map((e) => e.id)).toEqual(batch.map((e) => e.id));
      });

      it('stays stricter: refuses ids stored in another stream, saying so, and writes nothing', async () => {
        const store = open(writer);
        const batch = events(2);
        await store.appendToStream('a', batch, { expectedRevision: 'no_stream' });
        const error = await rejection(store.appendToStream('b', batch, { expectedRevision: 'no_stream' }));
        expect(error).toBeInstanceOf(DuplicateEventIds);
        expect(error).toMatchObject({ stream: 'b', duplicateIds: batch.map((e) => e.id) });
        expect(String(error)).toMatch(/already stored in another stream/);
        // At a revision that does not match, the revision is reported first, as on a new file.
        await expect(
          store.appendToStream('a', [...events(1), batch[0]], { expectedRevision: 'no_stream' }),
        ).rejects.toBeInstanceOf(WrongExpectedRevision);
        await expect(read(store, 'b')).rejects.toThrow(/does not exist/);
        expect(await read(store, 'a')).toHaveLength(2);
      });
    },
  );

  it.each<SqliteWriterMode>(['same-thread', 'thread'])(
    'on a new file (%s writer), refuses ids stored in this stream at another revision, and a repeated id',
    async (writer) => {
      const store = open(writer);
      const batch = events(2);
      await store.appendToStream('s', batch, { expectedRevision: 'no_stream' });
      await store.appendToStream('t', batch, { expectedRevision: 'no_stream' });
      await expect(store.appendToStream('s', [batch[1], batch[0]], { expectedRevision: 1n })).rejects.toThrow(
        /not an exact retry of an earlier append to this stream/,
      );
      await expect(store.appendToStream('s', batch, { expectedRevision: 1n })).rejects.toThrow(
        /already stored at another revision/,
      );
      const twice = events(1);
      await expect(store.appendToStream('t', [twice[0], twice[0]], { expectedRevision: 1n })).rejects.toThrow(
        /repeats an id/,
      );
      expect(await read(store, 's')).toHaveLength(2);
      expect(await read(store, 't')).toHaveLength(2);
    },
  );
});
