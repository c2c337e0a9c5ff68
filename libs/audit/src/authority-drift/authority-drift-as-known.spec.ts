import { journeyStream } from '@care-journey/journey';
import {
  DEFAULT_DRIFT_CONFIG,
  DRIFT_RULES,
  driftConfig,
  driftReport,
  summaryFromStream,
} from '@care-journey/projections';
import { chainEvents, chainTipAfter } from '../integrity/chain-events';
import { recordCaseHistoryRead } from '../access-log/record-read';
import { CORRECTED_JOURNEY, correctedJourney } from '../testing/corrected-journey';
import { authorityDriftAsKnown, defaultKnownAt } from './authority-drift-as-known';
import { readKnownJourneys } from './known-journeys';
import { useTempSqliteStore } from '../../../event-store/src/testing/temp-sqlite-store.spec-helper';

// CORRECTED_JOURNEY: child c1 in care from 2024-01-15, so its first review fell due on 2024-02-12
// (20 working days); the review held on 2024-02-12 was recorded on 2024-02-13 at 11:00.
describe('the authority drift report as known at an instant, from the event log', () => {
  const db = useTempSqliteStore('authority-drift-', { synchronous: 'NORMAL' });
  beforeEach(async () => {
    const stream = journeyStream('c1');
    await db.store.appendToStream(stream, chainEvents(chainTipAfter(stream, undefined), CORRECTED_JOURNEY), {
      expectedRevision: 'no_stream',
    });
  });

  const report = async (asAt: string, knownAt = defaultKnownAt(asAt)) =>
    authorityDriftAsKnown(await readKnownJourneys(db.store, knownAt), asAt, DEFAULT_DRIFT_CONFIG);

  it('Given the first review recorded a day late, When the report is as at 2024-02-13 known at 10:00 that day, Then DR01 is open (the review was not known yet)', async () => {
    const early = await report('2024-02-13', '2024-02-13T10:00:00.000Z');
    expect(early.children.map((row) => [row.childId, row.flags.map((flag) => flag.ruleId)])).toEqual([
      ['c1', ['DR01']],
    ]);
    expect(early).toMatchObject({
      openFlags: 1,
      eventsKnown: 2,
      childrenKnown: 1,
      knownAt: '2024-02-13T10:00:00.000Z',
    });
  });

  it('When knownAt is left to its default (the end of asAt in England), Then the review recorded that day closes DR01', async () => {
    const endOfDay = await report('2024-02-13');
    expect(endOfDay.knownAt).toBe('2024-02-13T23:59:59.999Z');
    expect(endOfDay.children.flatMap((row) => row.flags)).toEqual([]);
    expect(endOfDay.eventsKnown).toBe(3);
  });

  it('When knownAt is before the child was registered, Then the child is not in the report at all', async () => {
    const before = await report('2024-02-13', '2024-01-01T00:00:00.000Z');
    expect(before).toMatchObject({
      childrenKnown: 0,
      eventsKnown: 0,
      eventsRead: CORRECTED_JOURNEY.length,
      openFlags: 0,
    });
  });

  it('Given trail entries and other streams in the log, Then only journey streams are read', async () => {
    await recordCaseHistoryRead(db.store, {
      childId: 'c1',
      role: 'auditor',
      view: 'history',
      query: {},
      readBy: 'auditor-1',
      readAt: '2024-02-13T09:00:00.000Z',
    });
    const known = await readKnownJourneys(db.store, '2030-01-01T00:00:00.000Z');
    expect(known.eventsRead).toBe(CORRECTED_JOURNEY.length);
    expect([...known.byChild.keys()]).toEqual(['c1']);
  });

  it('When everything recorded is known, Then the report is the live report over the same summaries, on the same date and thresholds', async () => {
    for (const asAt of ['2024-02-13', '2024-03-31', '2024-06-30']) {
      const asKnownNow = await report(asAt, '2030-01-01T00:00:00.000Z');
      const live = driftReport([summaryFromStream('c1', correctedJourney())], asAt, DEFAULT_DRIFT_CONFIG);
      const {
        knownAt: _k,
        head: _h,
        eventsRead: _r,
        eventsKnown: _n,
        childrenKnown: _c,
        judgedWith: _j,
        ...rest
      } = asKnownNow;
      expect(rest).toEqual(live);
    }
  });

  it("Given thresholds configured today, When the year end is replayed as known then, Then the report says it was judged with this build's rules and those thresholds, not the ones in force then", async () => {
    const config = driftConfig({ DR07: { days: 365 } });
    const known = await readKnownJourneys(db.store, defaultKnownAt('2024-03-31'));
    const report = authorityDriftAsKnown(known, '2024-03-31', config);
    expect(report.judgedWith).toEqual({
      rules: 'this build',
      ruleIds: DRIFT_RULES.map((rule) => rule.id),
      thresholds: config,
    });
    expect(report.judgedWith.thresholds.DR07.days).toBe(365);
  });
});
