import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chainEvents,
  chainTipAfter,
  recordCaseHistoryRead,
  readChainTip,
  expectedRevisionAt,
} from '@care-journey/audit';
import { type NewEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import { CORRECTED_JOURNEY } from '../../../../libs/audit/src/testing/corrected-journey';
import { AuthorityDriftService } from './authority-drift.service';

// CORRECTED_JOURNEY's child c1: in care from 2024-01-15, first review due 2024-02-12, held that
// day and recorded on 2024-02-13 at 11:00. Here only the first two entries are stored at first.
const stream = journeyStream('c1');
const review: NewEvent = CORRECTED_JOURNEY[2];

describe('AuthorityDriftService: a replayed report is served again until something it counts is recorded', () => {
  let dir: string;
  let store: SqliteEventStore;
  let service: AuthorityDriftService;
  const point = { asAt: '2024-02-20', knownAt: '2024-02-20T23:59:59.999Z' };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'authority-drift-service-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    await store.appendToStream(
      stream,
      chainEvents(chainTipAfter(stream, undefined), CORRECTED_JOURNEY.slice(0, 2)),
      {
        expectedRevision: 'no_stream',
      },
    );
    service = new AuthorityDriftService(store);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (event: NewEvent) => {
    const tip = await readChainTip(store, stream);
    await store.appendToStream(stream, chainEvents(tip, [event]), {
      expectedRevision: expectedRevisionAt(tip),
    });
  };

  it('Given a report, When only trail entries are appended, Then the same report is served (no replay)', async () => {
    const first = await service.report(point, {});
    await recordCaseHistoryRead(store, {
      childId: '*',
      role: 'auditor',
      view: 'drift',
      query: {},
      childIds: ['c1'],
      readBy: 'auditor-1',
      readAt: '2024-02-21T09:00:00.000Z',
    });
    expect(await service.report(point, {})).toBe(first);
  });

  it('When a journey event recorded after knownAt is appended, Then the same report is served: it does not count', async () => {
    const first = await service.report(point, {});
    await append({ ...review, metadata: { ...review.metadata, recordedAt: '2024-03-01T10:00:00.000Z' } });
    expect(await service.report(point, {})).toBe(first);
  });

  it('When a journey event recorded by knownAt is appended, Then the report is replayed and counts it', async () => {
    const first = await service.report(point, {});
    expect(first.children.flatMap((row) => row.flags.map((flag) => flag.ruleId))).toEqual(['DR01']);
    await append(review);
    const second = await service.report(point, {});
    expect(second).not.toBe(first);
    expect(second.children.flatMap((row) => row.flags)).toEqual([]);
  });

  it('Given another filter, Then it is another report', async () => {
    const all = await service.report(point, {});
    const dr05 = await service.report(point, { rules: ['DR05'] });
    expect(dr05).not.toBe(all);
    expect(dr05.openFlags).toBe(0);
  });
});
