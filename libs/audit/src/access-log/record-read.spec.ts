import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { verifyChain } from '../integrity/verify-chain';
import { readWholeStream } from '../reading/read-stream';
import { recordCaseHistoryRead } from './record-read';

describe('recordCaseHistoryRead', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-trail-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given many reads at once, Then every one lands on the day stream and the chain holds', async () => {
    const readAt = '2024-07-01T10:00:00.000Z';
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordCaseHistoryRead(store, {
          childId: `c${i}`,
          role: 'auditor',
          view: 'history',
          readBy: 'aud',
          readAt,
        }),
      ),
    );
    const events = (await readWholeStream(store, 'access-log-2024-07-01')) ?? [];
    expect(events.map((e) => e.data['childId']).sort()).toEqual([
      'c0',
      'c1',
      'c2',
      'c3',
      'c4',
      'c5',
      'c6',
      'c7',
    ]);
    expect(verifyChain(events)).toMatchObject({ ok: true, checked: 8 });
  });
});
