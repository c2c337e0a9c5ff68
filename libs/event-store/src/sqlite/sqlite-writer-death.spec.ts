import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StoreUnavailable, StoreWriterGone } from '../errors';
import type { NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';

// Review s18-es F5: the writer thread (the default writer) dies. Appends must fail as StoreUnavailable
// (a 503, the outage seen by readiness), outcome unknown for the one in flight, never a plain Error.
const event = (): NewEvent => ({
  id: randomUUID(),
  type: 'Tested',
  data: {},
  metadata: { recordedAt: '2026-11-28T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
});

interface WriterThread {
  worker: { terminate(): Promise<number>; postMessage(message: unknown): void };
  commit(group: never[]): Promise<unknown>;
}
const writerThreadOf = (store: SqliteEventStore): WriterThread =>
  (store as unknown as { writer: WriterThread }).writer;

describe('SQLite store: when its writer thread dies', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'writer-death-'));
    store = new SqliteEventStore({ file: join(dir, 'log.db'), synchronous: 'NORMAL', writer: 'thread' });
    await store.appendToStream('s-1', [event()], { expectedRevision: 'no_stream' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given an append the thread has not answered, When the thread dies, Then it fails as StoreWriterGone with its outcome unknown', async () => {
    const { worker } = writerThreadOf(store);
    const sent: unknown[] = [];
    worker.postMessage = (message) => void sent.push(message); // asked, never answered
    const inFlight = store.appendToStream('s-1', [event()], { expectedRevision: 0n });
    while (sent.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await worker.terminate();
    const error: unknown = await inFlight.catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(StoreWriterGone);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect(error).toMatchObject({ outcomeUnknown: true });
  });

  it('Given the thread is dead, When appending again, Then each append fails as StoreWriterGone with nothing sent', async () => {
    await writerThreadOf(store).worker.terminate();
    for (const stream of ['s-1', 's-2']) {
      const error: unknown = await store
        .appendToStream(stream, [event()], { expectedRevision: 'any' })
        .catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(StoreWriterGone);
      expect(error).toMatchObject({ outcomeUnknown: false });
      expect((error as Error).message).toMatch(/writer thread is gone.*until the process restarts/);
    }
  });

  it('Given the thread dies while nothing is asked (review s18-diff 7), Then the store says its writer is gone at once', async () => {
    expect(store.writerGone()).toBeUndefined();
    await writerThreadOf(store).worker.terminate();
    expect(store.writerGone()).toBeInstanceOf(StoreWriterGone);
  });

  it('Given a normal close, Then the writer is not reported gone, and a write after it fails as closed, not as a dead writer to restart', async () => {
    const writer = writerThreadOf(store);
    await store.close();
    expect(store.writerGone()).toBeUndefined();
    const error: unknown = await writer.commit([]).catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(StoreUnavailable);
    expect(error).not.toBeInstanceOf(StoreWriterGone);
    expect((error as Error).message).toMatch(/event store is closed/);
  });
});
