import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StreamNotFound } from '../errors';
import type { ReadStreamOptions, RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { rowToEvent } from './sqlite-row';
import { EVENT_COLUMNS, type EventRow } from './sqlite-statements';

/** Small pages, so reads cross page boundaries (the store's default is 1,000 rows). */
const PAGE_SIZE = 3;

/**
 * The stream read as it was before StreamPages (#9): an async generator over pages of the
 * full-row statement, through rowToEvent. Kept here as the reference the new read must equal.
 */
async function* referenceRead(
  db: Database.Database,
  stream: string,
  options: ReadStreamOptions,
): AsyncGenerator<RecordedEvent> {
  const forwards = options.direction !== 'backwards';
  const statement = db
    .prepare<[string, bigint, number], EventRow>(
      forwards
        ? `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`
        : `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    )
    .raw(true)
    .safeIntegers(true);
  const exists = db.prepare('SELECT 1 FROM events WHERE stream_id = ? LIMIT 1').pluck();
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  let cursor = options.fromRevision ?? (forwards ? 0n : 9_223_372_036_854_775_807n);
  let firstPage = true;
  do {
    const limit = Math.min(PAGE_SIZE, remaining);
    const rows = limit > 0 ? statement.all(stream, cursor, limit) : [];
    if (firstPage && rows.length === 0 && !exists.get(stream)) throw new StreamNotFound(stream);
    firstPage = false;
    for (const row of rows) yield rowToEvent(row);
    if (rows.length < limit || rows.length === 0) return;
    remaining -= rows.length;
    const last = rows[rows.length - 1][2];
    cursor = forwards ? last + 1n : last - 1n;
  } while (remaining > 0 && cursor >= 0n);
}

/** Every event, or the error's class and message: what a caller of either read sees. */
async function outcome(events: AsyncIterable<RecordedEvent>): Promise<unknown> {
  const read: RecordedEvent[] = [];
  try {
    for await (const event of events) read.push(event);
    return { events: read };
  } catch (error) {
    return { read, error: (error as Error).constructor.name, message: (error as Error).message };
  }
}

/** Events as JSON, bigints as strings: key order included (rowToEvent fixes one hidden class). */
const asJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/** A seeded generator (mulberry32): the same store every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('a stream read page by page (StreamPages)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let db: Database.Database;
  const lengths = new Map<string, number>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-stream-pages-'));
    const file = join(dir, 'events.db');
    store = new SqliteEventStore({ file, pageSize: PAGE_SIZE });
    const random = seeded(17);
    // 14 streams of 1–12 events (page multiples included), appended interleaved in random order.
    for (let s = 0; s < 14; s++)
      lengths.set(`child-${s}`, s < 4 ? (s + 1) * PAGE_SIZE : 1 + Math.floor(random() * 12));
    const next = new Map<string, number>([...lengths.keys()].map((stream) => [stream, 0]));
    while ([...next].some(([stream, n]) => n < (lengths.get(stream) ?? 0))) {
      const open = [...next].filter(([stream, n]) => n < (lengths.get(stream) ?? 0));
      const [stream, n] = open[Math.floor(random() * open.length)];
      const count = Math.min(1 + Math.floor(random() * 3), (lengths.get(stream) ?? 0) - n);
      const events = Array.from({ length: count }, (_, k) => ({
        id: `${stream}-e${n + k}`,
        type: k % 2 === 0 ? 'Noted' : 'Reviewed',
        data: { n: n + k, text: 'é'.repeat(Math.floor(random() * 5)), nested: { at: [n, k] } },
        metadata: { recordedAt: '2025-01-01T00:00:00.000Z', recordedBy: 'spec', schemaVersion: 1, k },
      }));
      await store.appendToStream(stream, events, { expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1) });
      next.set(stream, n + count);
    }
    db = new Database(file, { readonly: true });
  });

  afterAll(async () => {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a generated store, When every stream is read with every option, Then each read equals the old generator’s, events and errors alike', async () => {
    const streams = [...lengths.keys(), 'no-such-stream'];
    const revisions = [undefined, 0n, 1n, 2n, 3n, 5n, 11n, 40n];
    const counts = [undefined, 0, 1, 2, 3, 4, 7, 100];
    let compared = 0;
    for (const stream of streams)
      for (const direction of [undefined, 'forwards', 'backwards'] as const)
        for (const fromRevision of revisions)
          for (const maxCount of counts) {
            const options: ReadStreamOptions = { direction, fromRevision, maxCount };
            const ours = await outcome(store.readStream(stream, options));
            const reference = await outcome(referenceRead(db, stream, options));
            expect(asJson(ours)).toBe(asJson(reference));
            compared++;
          }
    expect(compared).toBe(15 * 3 * 8 * 8);
  });

  it('Given a stream of 7 events, When it is read whole, Then its events come back in revision order, with the stream id asked for', async () => {
    const stream = [...lengths].find(([, n]) => n === 7)?.[0] ?? 'child-1';
    const read = (await outcome(store.readStream(stream))) as { events: RecordedEvent[] };
    expect(read.events.map((e) => e.revision)).toEqual([...Array(lengths.get(stream)).keys()].map(BigInt));
    expect(new Set(read.events.map((e) => e.streamId))).toEqual(new Set([stream]));
  });

  it('Given a missing stream, When it is read, Then the first next() rejects with StreamNotFound and the iterator is done after', async () => {
    const iterator = store.readStream('no-such-stream')[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toBeInstanceOf(StreamNotFound);
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('Given a read stopped early, When it is asked again, Then it is done (return() ends it, as a generator’s)', async () => {
    const iterator = store.readStream('child-3')[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    await iterator.return?.();
    await expect(iterator.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('Given a read not yet started, When events are appended before its first next(), Then it sees them (the first page is read lazily)', async () => {
    const iterable = store.readStream('child-0');
    await store.appendToStream(
      'child-0',
      [
        {
          id: 'child-0-late',
          type: 'Noted',
          data: {},
          metadata: { recordedAt: 'x', recordedBy: 'y', schemaVersion: 1 },
        },
      ],
      { expectedRevision: BigInt((lengths.get('child-0') ?? 0) - 1) },
    );
    lengths.set('child-0', (lengths.get('child-0') ?? 0) + 1);
    const read = (await outcome(iterable)) as { events: RecordedEvent[] };
    expect(read.events.at(-1)?.id).toBe('child-0-late');
  });
});
