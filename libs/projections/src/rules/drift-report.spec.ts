import { journey } from '../testing/journey-builder';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { driftReport } from './drift-report';

describe('drift report as at a date', () => {
  const summaries = [
    // Overdue first review (DR01 due 30 June 2025), team North.
    journey('a').registered('2015-01-01', { team: 'North', socialWorker: 'sw-1' }).startCare('2025-06-02'),
    // Review due within the warning window (DR02 due 14 July 2025), team South.
    journey('b')
      .registered('2010-01-01', { team: 'South', socialWorker: 'sw-2', dateOfBirth: '2010-01-01' })
      .startCare('2025-03-20')
      .review('2025-04-14'),
    // Left care: nothing open.
    journey('c').registered('2015-01-01').startCare('2025-01-02').endCare('2025-02-01'),
    // Short breaks: never listed.
    journey('d').registered('2015-01-01').startCare('2025-06-02', 'V3'),
  ].map((b) => b.summary());

  it('lists open flags and due-soon warnings of children in care on the date', () => {
    const report = driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, { dueWithinDays: 14 });
    expect(report.children.map((row) => row.childId)).toEqual(['a', 'b']);
    expect(report.children[0]).toMatchObject({
      team: 'North',
      socialWorker: 'sw-1',
      legalStatus: 'C2',
      ageBand: '10-15',
    });
    expect(report.children[0].flags.map((flag) => [flag.ruleId, flag.daysOverdue])).toEqual([['DR01', 5]]);
    expect(report.children[1].dueSoon.map((w) => [w.ruleId, w.daysUntilDue])).toEqual([
      ['DR02', 9],
      ['DR04', 9], // no plan yet, and the second review falls due that day
    ]);
    expect(report.byRule.find((r) => r.ruleId === 'DR01')).toMatchObject({ open: 1, dueSoon: 0 });
  });

  it('filters by team, rule and age band as at the date', () => {
    expect(
      driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, {
        team: 'South',
        dueWithinDays: 14,
      }).children.map((r) => r.childId),
    ).toEqual(['b']);
    expect(
      driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, {
        rules: ['DR02'],
        dueWithinDays: 14,
      }).children.map((r) => r.childId),
    ).toEqual(['b']);
    expect(driftReport(summaries, '2025-07-05', DEFAULT_DRIFT_CONFIG, { ageBand: '1-4' }).children).toEqual(
      [],
    );
  });
});
