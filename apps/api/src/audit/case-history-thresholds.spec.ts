/**
 * The auditor's replay shows the flags the panel was shown: the drift thresholds configured for the
 * authority (CARE_JOURNEY_DRIFT_THRESHOLDS), not the defaults. Real SQLite store, the service as wired.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import type { Clock } from '../infrastructure/clock';
import { registrationInCare } from '../projections/testing/registration-in-care';
import type { AccessLogRecorder } from './access-log.recorder';
import { CaseHistoryService } from './case-history.service';

describe('case-history replay uses the configured drift thresholds', () => {
  let dir: string;
  let store: SqliteEventStore;
  const before = process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
  const trail = { record: () => Promise.resolve() } as unknown as AccessLogRecorder;
  const clock = { now: () => '2025-06-20T09:00:00.000Z' } as Clock;
  const reader = { user: { id: 'aud', name: 'Aud', role: 'auditor' as const } };
  // In care from Monday 2 June 2025: DR01's first review is due 20 working days on (30 June) by
  // default, 10 working days on (16 June) with the setting below.
  const serviceWith = (thresholds: string | undefined) => {
    if (thresholds === undefined) delete process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
    else process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = thresholds;
    return new CaseHistoryService(store, trail, clock);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-history-thresholds-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    await store.appendToStream(journeyStream('c1'), registrationInCare('c1'), {
      expectedRevision: 'no_stream',
    });
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
    else process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = before;
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given DR01 set to 10 working days, When replayed as at 20 June 2025, Then DR01 is open, due 16 June', async () => {
    const history = await serviceWith('{"DR01":{"workingDays":10}}').history(
      'c1',
      { asAt: '2025-06-20' },
      reader,
    );
    expect(history.drift?.flags.map((f) => [f.ruleId, f.dueDate])).toEqual([['DR01', '2025-06-16']]);
  });

  it('Given the defaults, When replayed as at 20 June 2025, Then DR01 is not yet due (30 June)', async () => {
    const history = await serviceWith(undefined).history('c1', { asAt: '2025-06-20' }, reader);
    expect(history.drift?.flags).toEqual([]);
    expect(history.drift?.dueSoon.map((f) => [f.ruleId, f.dueDate])).toEqual([['DR01', '2025-06-30']]);
  });
});
