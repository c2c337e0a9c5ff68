import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { chainEvents } from '../integrity/chain-events';
import { verifyChain } from '../integrity/verify-chain';
import type { NewEvent } from '../store';
import { expectedRevisionAt, readChainTip, readWholeStream } from './read-stream';

const event = (id: string): NewEvent => ({
  id,
  type: 'T',
  data: { effectiveDate: '2024-01-01' },
  metadata: { recordedAt: '2024-01-01T00:00:00.000Z', recordedBy: 'u', schemaVersion: 1 },
});

describe('reading a chained stream from a real store', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-read-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given appends chained at the tip each time, Then the stored stream verifies', async () => {
    for (const ids of [['a'], ['b', 'c'], ['d']]) {
      const tip = await readChainTip(store, 'journey-x');
      await store.appendToStream('journey-x', chainEvents(tip, ids.map(event)), {
        expectedRevision: expectedRevisionAt(tip),
      });
    }
    const events = await readWholeStream(store, 'journey-x');
    expect(events?.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(verifyChain(events ?? [])).toMatchObject({ ok: true, checked: 4 });
  });

  it('Given someone appended after the tip was read, Then the append is refused rather than breaking the chain', async () => {
    const tip = await readChainTip(store, 'journey-x');
    await store.appendToStream('journey-x', chainEvents(tip, [event('a')]), {
      expectedRevision: expectedRevisionAt(tip),
    });
    await expect(
      store.appendToStream('journey-x', chainEvents(tip, [event('b')]), {
        expectedRevision: expectedRevisionAt(tip),
      }),
    ).rejects.toThrow();
  });

  it('Given no stream, Then reading gives undefined and the tip is genesis', async () => {
    expect(await readWholeStream(store, 'journey-none')).toBeUndefined();
    expect(await readChainTip(store, 'journey-none')).toMatchObject({ nextRevision: 0n });
  });
});
