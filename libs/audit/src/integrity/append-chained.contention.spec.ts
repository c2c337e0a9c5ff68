import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { readWholeStream } from '../reading/read-stream';
import type { NewEvent } from '../store';
import { appendChained } from './append-chained';
import { verifyChain } from './verify-chain';

// Review s18-es F3: every read appends to one stream a day. 128 appends at once in one process used
// to race for its tip with bounded retries, and most ran out (WrongExpectedRevision, a 500).
const STREAM = 'access-log-2026-11-28';
const entry = (n: number): NewEvent => ({
  id: randomUUID(),
  type: 'CaseHistoryRead',
  data: { n },
  metadata: { recordedAt: '2026-11-28T10:00:00.000Z', recordedBy: 'sw', schemaVersion: 1 },
});

describe('appendChained: appends to one shared stream from one process', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'append-chained-'));
    store = new SqliteEventStore({ file: join(dir, 'log.db'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given 128 appends at once, When they settle, Then every one is stored once, in call order, on one intact chain', async () => {
    const events = Array.from({ length: 128 }, (_, n) => entry(n));
    const results = await Promise.allSettled(events.map((event) => appendChained(store, STREAM, event)));
    expect(results.filter((result) => result.status === 'rejected')).toEqual([]);
    const stored = (await readWholeStream(store, STREAM)) ?? [];
    expect(stored.map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect(verifyChain(stored)).toMatchObject({ ok: true, checked: 128 });
  });

  it('Given an append the store refuses, When others wait with it, Then each waiting caller hears the refusal and the stream takes later appends', async () => {
    const append = store.appendToStream.bind(store);
    const refused = new Error('disk full');
    let calls = 0;
    jest.spyOn(store, 'appendToStream').mockImplementation((stream, events, options) => {
      calls += 1;
      return calls === 2 ? Promise.reject(refused) : append(stream, events, options);
    });
    // The first goes alone; the next two wait for it, then go together and are refused together.
    const first = appendChained(store, STREAM, entry(0));
    const waiting = [appendChained(store, STREAM, entry(1)), appendChained(store, STREAM, entry(2))];
    await expect(first).resolves.toBeUndefined();
    for (const result of await Promise.allSettled(waiting))
      expect(result).toEqual({ status: 'rejected', reason: refused });
    await appendChained(store, STREAM, entry(3));
    const stored = (await readWholeStream(store, STREAM)) ?? [];
    expect(stored.map((event) => (event.data as { n: number }).n)).toEqual([0, 3]);
    expect(verifyChain(stored)).toMatchObject({ ok: true });
  });
});
