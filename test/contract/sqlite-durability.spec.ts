import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuplicateEventIds, StoreUnavailable } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { collect, ids, newEvents, waitUntil } from './support/events';
import { spawnTs, waitForExit, waitForLine } from '../../libs/event-store/src/testing/spawn-ts';

const WRITER = join(__dirname, 'fixtures', 'sqlite-writer.ts');

/** SQLite-only guarantees: crash safety, contention between processes, and adapter details. */
describe('SQLite event store (adapter specifics)', () => {
  let dir: string;
  let file: string;
  const stores: SqliteEventStore[] = [];
  const open = (options: Partial<ConstructorParameters<typeof SqliteEventStore>[0]> = {}) => {
    const store = new SqliteEventStore({ file, ...options });
    stores.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-sqlite-'));
    file = join(dir, 'events.db');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the whole batch or none of it after the writer is killed mid-append', async () => {
    const outcomes: string[] = [];
    for (let run = 0; run < 4; run++) {
      const stream = `bulk-${run}`;
      const child = spawnTs(WRITER, ['big-batch', file, stream, '50000']);
      await waitForLine(child, /^appending$/);
      // Vary the moment of the kill so some runs land inside the transaction.
      await new Promise((resolve) => setTimeout(resolve, run * 40));
      child.kill('SIGKILL');
      await waitForExit(child);
      const store = open();
      const count = await collect(store.readStream(stream)).then(
        (events) => events.length,
        () => 0, // StreamNotFound: nothing of the batch was committed
      );
      expect([0, 50_000]).toContain(count);
      outcomes.push(count === 0 ? 'none' : 'all');
      await store.close();
    }
    // At least one kill must have landed before the commit for this test to mean anything.
    expect(outcomes).toContain('none');
  }, 120_000);

  it('lets exactly one of two processes win each round of appends at the same expected revision', async () => {
    const stream = 'raced';
    const seed = open();
    await seed.appendToStream(stream, newEvents(1), { expectedRevision: 'no_stream' });
    const children = ['a', 'b'].map((name) => spawnTs(WRITER, ['race', file, stream, name]));
    await Promise.all(children.map((child) => waitForLine(child, /^ready$/)));
    const winners: string[] = [];
    for (let round = 0; round < 15; round++) {
      const replies = children.map((child) => waitForLine(child, new RegExp(`"round":"${round}"`)));
      for (const child of children) child.stdin.write(`${round}\n`);
      const outcomes = (await Promise.all(replies)).map(
        (line) => JSON.parse(line) as { ok: boolean; id: string; error?: string; actual?: string },
      );
      const won = outcomes.filter((o) => o.ok);
      const lost = outcomes.filter((o) => !o.ok);
      expect(won).toHaveLength(1);
      expect(lost).toEqual([
        expect.objectContaining({ error: 'WrongExpectedRevision', actual: String(round + 1) }),
      ]);
      winners.push(won[0].id);
    }
    for (const child of children) child.stdin.write('exit\n');
    await Promise.all(children.map(waitForExit));
    const events = await collect(seed.readStream(stream));
    expect(ids(events.slice(1))).toEqual(winners);
  }, 60_000);

  it("returns the original result when a batch is retried with 'any'", async () => {
    const store = open();
    const batch = newEvents(3);
    const original = await store.appendToStream('s', batch, { expectedRevision: 'any' });
    await store.appendToStream('s', newEvents(1), { expectedRevision: 'any' });
    expect(await store.appendToStream('s', batch, { expectedRevision: 'any' })).toEqual(original);
    expect(await collect(store.readStream('s'))).toHaveLength(4);
  });

  it('refuses a batch of which only some ids are stored, and writes nothing', async () => {
    const store = open();
    const batch = newEvents(2);
    await store.appendToStream('s', batch, { expectedRevision: 'no_stream' });
    const mixed = [batch[1], ...newEvents(1)];
    await expect(store.appendToStream('s', mixed, { expectedRevision: 'any' })).rejects.toThrow(
      DuplicateEventIds,
    );
    await expect(store.appendToStream('s', mixed, { expectedRevision: 1n })).rejects.toThrow(
      /not an exact retry/,
    );
    const repeated = newEvents(1);
    await expect(
      store.appendToStream('s', [repeated[0], repeated[0]], { expectedRevision: 1n }),
    ).rejects.toThrow(/repeats an id/);
    expect(await collect(store.readStream('s'))).toHaveLength(2);
  });

  it('reports an undefined head for an empty log', async () => {
    expect(await open().headPosition()).toBeUndefined();
  });

  it('reads long streams and the log in pages without losing a row at page boundaries', async () => {
    const store = open({ pageSize: 7 });
    await store.appendToStream('long', newEvents(50), { expectedRevision: 'no_stream' });
    expect((await collect(store.readStream('long'))).map((e) => Number(e.revision))).toEqual([
      ...Array(50).keys(),
    ]);
    expect(
      (await collect(store.readStream('long', { direction: 'backwards' }))).map((e) => Number(e.revision)),
    ).toEqual([...Array(50).keys()].reverse());
    expect(await collect(store.readAll({ maxCount: 20 }))).toHaveLength(20);
    const seen: bigint[] = [];
    const sub = store.subscribeToAll({}, { onEvent: (e) => void seen.push(e.revision) });
    // Eight polled pages of 7: wait for the 50th event, not for a time a loaded machine may overrun.
    await waitUntil(() => seen.length >= 50, 'the subscription to deliver all 50 events', 20_000);
    await sub.stop();
    expect(seen).toEqual([...Array(50).keys()].map(BigInt));
  });

  it('maps a file that cannot be opened to StoreUnavailable', () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    expect(() => new SqliteEventStore({ file: join(blocker, 'events.db') })).toThrow(StoreUnavailable);
  });

  it('backs up the live database to another file', async () => {
    const store = open();
    await store.appendToStream('s', newEvents(5), { expectedRevision: 'no_stream' });
    const copy = join(dir, 'backups', 'copy.db');
    await store.backup(copy);
    const restored = new SqliteEventStore({ file: copy });
    stores.push(restored);
    expect(await collect(restored.readStream('s'))).toHaveLength(5);
  });
});
