import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore } from './create-event-store';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { loadStoreConfig } from './store-config';

describe('createEventStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-factory-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a SQLite store on the configured file, creating its directory', async () => {
    const file = join(dir, 'nested', 'store.db');
    const store = await createEventStore(loadStoreConfig({ CARE_JOURNEY_SQLITE_FILE: file }));
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect((store as SqliteEventStore).file).toBe(file);
      expect(await store.headPosition()).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  // The checkpointer thread serves the same-thread writer; the writer thread (the default) checkpoints itself.
  it.each([
    [{}, false],
    [{ CARE_JOURNEY_SQLITE_CHECKPOINTS: 'thread' }, false],
    [{ CARE_JOURNEY_SQLITE_WRITER: 'same-thread' }, false],
    [{ CARE_JOURNEY_SQLITE_WRITER: 'same-thread', CARE_JOURNEY_SQLITE_CHECKPOINTS: 'thread' }, true],
  ])('with %p, a checkpointer thread runs after the first commit: %p', async (env, running) => {
    const file = join(dir, 'store.db');
    const store = (await createEventStore(
      loadStoreConfig({ CARE_JOURNEY_SQLITE_FILE: file, ...env }),
    )) as SqliteEventStore;
    try {
      await store.appendToStream(
        's',
        [
          {
            id: randomUUID(),
            type: 'T',
            data: {},
            metadata: { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
          },
        ],
        {
          expectedRevision: 'no_stream',
        },
      );
      expect(store.checkpointStats().threadRunning).toBe(running);
    } finally {
      await store.close();
    }
  });

  it('opens another connection from a store’s sharedConfig: readsOnly leaves out the checkpoint thread', async () => {
    const file = join(dir, 'shared.db');
    const config = loadStoreConfig({
      CARE_JOURNEY_SQLITE_FILE: file,
      CARE_JOURNEY_SQLITE_WRITER: 'same-thread',
      CARE_JOURNEY_SQLITE_CHECKPOINTS: 'thread',
    });
    const writer = await createEventStore(config);
    const event = {
      id: randomUUID(),
      type: 'T',
      data: {},
      metadata: { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
    };
    await writer.appendToStream('s', [event], { expectedRevision: 'no_stream' });
    const shared = writer.sharedConfig?.();
    expect(shared).toEqual({ kind: 'sqlite', file, synchronous: 'FULL' });
    const reader = (await createEventStore(
      { ...config, ...shared },
      { readsOnly: true },
    )) as SqliteEventStore;
    try {
      const read = [];
      for await (const each of reader.readStream('s')) read.push(each.id);
      expect(read).toEqual([event.id]);
      // Its own commit (it is still a store) starts no checkpoint thread, as the writer's did.
      await reader.appendToStream('s', [{ ...event, id: randomUUID() }], { expectedRevision: 0n });
      expect(reader.checkpointStats().threadRunning).toBe(false);
      expect((writer as SqliteEventStore).checkpointStats().threadRunning).toBe(true);
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('has no shared config for a store in memory', async () => {
    const store = new SqliteEventStore({ file: ':memory:' });
    try {
      expect(store.sharedConfig()).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('builds an EventStoreDB store without connecting eagerly', async () => {
    const store = await createEventStore(
      loadStoreConfig({
        CARE_JOURNEY_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:1?tls=false',
      }),
    );
    expect(store.constructor.name).toBe('EventStoreDbEventStore');
    await store.close();
  });
});
