import { verifyChain } from '../integrity/verify-chain';
import { readWholeStream } from '../reading/read-stream';
import { recordCaseHistoryRead } from './record-read';
import { useTempSqliteStore } from '../../../event-store/src/testing/temp-sqlite-store.spec-helper';

describe('recordCaseHistoryRead', () => {
  const db = useTempSqliteStore('audit-trail-', { synchronous: 'NORMAL' });

  it('Given many reads at once, Then every one lands on the day stream and the chain holds', async () => {
    const readAt = '2024-07-01T10:00:00.000Z';
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordCaseHistoryRead(db.store, {
          childId: `c${i}`,
          role: 'auditor',
          view: 'history',
          readBy: 'aud',
          readAt,
        }),
      ),
    );
    const events = (await readWholeStream(db.store, 'access-log-2024-07-01')) ?? [];
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
