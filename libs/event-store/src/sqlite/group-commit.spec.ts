import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventIds, StoreUnavailable, StreamNotFound, WrongExpectedRevision } from '../errors';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

const metadata = {
  recordedAt: '2024-05-01T09:00:00.000Z',
  recordedBy: 'group-commit-spec',
  schemaVersion: 1,
};
const events = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type: 'Grouped', data: { n }, metadata }));

async function collect(iterable: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = [];
  for await (const event of iterable) out.push(event);
  return out;
}

describe.each(['thread', 'same-thread'] as const)('SQLite group commit, %s writer', (mode) => {
  let dir: string;
  let file: string;
  const stores: SqliteEventStore[] = [];
  const open = () => {
    const store = new SqliteEventStore({ file, writer: mode });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-group-'));
    file = join(dir, 'events.db');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends made in the same turn in one transaction, in call order', async () => {
    const store = open();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.appendToStream(`child-${i}`, events(2), { expectedRevision: 'no_stream' }),
      ),
    );
    expect(store.commitStats()).toEqual({ transactions: 1, appends: 20 });
    const positions = results.map((r) => r.globalPosition);
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : 1)));
    expect(await collect(store.readAll())).toHaveLength(40);
  });

  it('fails only the append whose expected revision is wrong; the others of the group commit', async () => {
    const store = open();
    await store.appendToStream('a', events(1), { expectedRevision: 'no_stream' });
    const before = store.commitStats().transactions;
    const outcomes = await Promise.allSettled([
      store.appendToStream('a', events(1), { expectedRevision: 0n }),
      store.appendToStream('b', events(3), { expectedRevision: 5n }), // wrong: b does not exist
      store.appendToStream('a', events(1), { expectedRevision: 0n }), // wrong: the first append of the group moved a to 1
      store.appendToStream('c', events(2), { expectedRevision: 'no_stream' }),
    ]);
    expect(store.commitStats().transactions).toBe(before + 1);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ actual: 1n });
    expect(await collect(store.readStream('a'))).toHaveLength(2);
    expect(await collect(store.readStream('c'))).toHaveLength(2);
    await expect(collect(store.readStream('b'))).rejects.toThrow(StreamNotFound);
  });

  it('rolls back only the rows of an append that hits a duplicate id half-way, and still recognises a retry', async () => {
    const store = open();
    const stored = events(2);
    const original = await store.appendToStream('s', stored, { expectedRevision: 'no_stream' });
    const outcomes = await Promise.allSettled([
      // Ids are unique per stream: the clash is with the stream's own event (first row written, then rolled back).
      store.appendToStream('s', [...events(1), stored[0]], { expectedRevision: 1n }),
      store.appendToStream('s', stored, { expectedRevision: 'no_stream' }), // idempotent retry
      store.appendToStream('u', events(1), { expectedRevision: 'no_stream' }),
    ]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: expect.any(DuplicateEventIds) });
    expect(outcomes[1]).toEqual({ status: 'fulfilled', value: original });
    expect(outcomes[2].status).toBe('fulfilled');
    expect(await collect(store.readStream('s'))).toHaveLength(2);
    expect(await collect(store.readAll())).toHaveLength(3);
  });

  it('resolves an append only once its commit is visible to another connection', async () => {
    const writer = open();
    const reader = open();
    const appends = Array.from({ length: 5 }, (_, i) =>
      writer.appendToStream(`r-${i}`, events(1), { expectedRevision: 'no_stream' }),
    );
    // Not committed yet: the group is only written in the next turn of the loop.
    expect(await reader.headPosition()).toBeUndefined();
    const results = await Promise.all(appends);
    expect(await reader.headPosition()).toBe(results[4].globalPosition);
  });

  it('commits appends already accepted when the store is closed', async () => {
    const store = open();
    const pending = store.appendToStream('late', events(2), { expectedRevision: 'no_stream' });
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextExpectedRevision: 1n });
    await expect(store.appendToStream('later', events(1), { expectedRevision: 'any' })).rejects.toThrow(
      /closed/,
    );
    expect(await collect(open().readStream('late'))).toHaveLength(2);
  });

  it('makes the appends of turns after the first commit the next group, in order', async () => {
    const store = open();
    const first = Array.from({ length: 3 }, (_, i) =>
      store.appendToStream(`x-${i}`, events(1), { expectedRevision: 'no_stream' }),
    );
    await new Promise((resolve) => setImmediate(resolve)); // the first group is on its way
    const second = Array.from({ length: 3 }, (_, i) =>
      store.appendToStream(`x-${i}`, events(1), { expectedRevision: 0n }),
    );
    const results = await Promise.all([...first, ...second]);
    expect(store.commitStats()).toEqual({ transactions: 2, appends: 6 });
    expect(results.slice(3).map((r) => r.nextExpectedRevision)).toEqual([1n, 1n, 1n]);
    expect(results[5].globalPosition).toBe(6n);
  });

  it('refuses every append of a group the storage refuses, and writes again afterwards', async () => {
    const store = open();
    await store.appendToStream('ok', events(1), { expectedRevision: 'no_stream' });
    await store.writerPragma('query_only = ON');
    const refused = await Promise.allSettled([
      store.appendToStream('ro-1', events(1), { expectedRevision: 'no_stream' }),
      store.appendToStream('ro-2', events(1), { expectedRevision: 'no_stream' }),
    ]);
    expect(refused.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailable);
    await store.writerPragma('query_only = OFF');
    await store.appendToStream('ro-1', events(1), { expectedRevision: 'no_stream' });
    expect(await collect(store.readAll())).toHaveLength(2);
  });
});
