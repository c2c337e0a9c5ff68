import { chainEvents } from '../integrity/chain-events';
import { verifyChain } from '../integrity/verify-chain';
import type { NewEvent } from '../store';
import { expectedRevisionAt, readChainTip, readWholeStream } from './read-stream';
import { useTempSqliteStore } from '../../../event-store/src/testing/temp-sqlite-store.spec-helper';

const event = (id: string): NewEvent => ({
  id,
  type: 'T',
  data: { effectiveDate: '2024-01-01' },
  metadata: { recordedAt: '2024-01-01T00:00:00.000Z', recordedBy: 'u', schemaVersion: 1 },
});

describe('reading a chained stream from a real store', () => {
  const db = useTempSqliteStore('audit-read-', { synchronous: 'NORMAL' });

  it('Given appends chained at the tip each time, Then the stored stream verifies', async () => {
    for (const ids of [['a'], ['b', 'c'], ['d']]) {
      const tip = await readChainTip(db.store, 'journey-x');
      await db.store.appendToStream('journey-x', chainEvents(tip, ids.map(event)), {
        expectedRevision: expectedRevisionAt(tip),
      });
    }
    const events = await readWholeStream(db.store, 'journey-x');
    expect(events?.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(verifyChain(events ?? [])).toMatchObject({ ok: true, checked: 4 });
  });

  it('Given someone appended after the tip was read, Then the append is refused rather than breaking the chain', async () => {
    const tip = await readChainTip(db.store, 'journey-x');
    await db.store.appendToStream('journey-x', chainEvents(tip, [event('a')]), {
      expectedRevision: expectedRevisionAt(tip),
    });
    await expect(
      db.store.appendToStream('journey-x', chainEvents(tip, [event('b')]), {
        expectedRevision: expectedRevisionAt(tip),
      }),
    ).rejects.toThrow();
  });

  it('Given no stream, Then reading gives undefined and the tip is genesis', async () => {
    expect(await readWholeStream(db.store, 'journey-none')).toBeUndefined();
    expect(await readChainTip(db.store, 'journey-none')).toMatchObject({ nextRevision: 0n });
  });
});
