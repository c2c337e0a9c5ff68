import { journey } from '../testing/journey-builder';
import { dueSoonOf, flagsOf, historyOf } from '../testing/drift-expectations';
import { driftReport } from './drift-report';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { driftRule } from './rule-registry';

describe('DR12 legal status or temporary placement past its time limit', () => {
  const inCare = () => journey('c').registered('2015-01-01').startCare('2025-06-02');

  it('Given police protection (L1) from 2 June, When nothing ends it, Then it is flagged from the fourth day (72 hours, 903 rule 361)', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-06-02', 'L1').summary();
    expect(flagsOf(s, '2025-06-05', 'DR12')).toEqual([]);
    expect(flagsOf(s, '2025-06-10', 'DR12')).toEqual([
      expect.objectContaining({
        key: 'L1/2025-06-02',
        dueDate: '2025-06-05',
        openedOn: '2025-06-06',
        daysOverdue: 5,
        evidence: ['c-2'],
        threshold: { code: 'L1', days: 3, limit: '72 hours', rule903: '361' },
      }),
    ]);
  });

  it('Given an emergency protection order (L2), When an interim care order follows within 21 days, Then no flag and no history', () => {
    const s = inCare().legalStatus('2025-06-10', 'L2').legalStatus('2025-07-01', 'C1').summary();
    expect(flagsOf(s, '2025-08-01', 'DR12')).toEqual([]);
    expect(historyOf(s, '2025-08-01', 'DR12')).toEqual([]);
  });

  it('Given a child assessment order (L3) still open, Then the flag is due 7 days after it and warned of before', () => {
    const s = inCare().legalStatus('2025-06-10', 'L3').summary();
    expect(dueSoonOf(s, '2025-06-12', 'DR12')[0]).toMatchObject({ dueDate: '2025-06-17', daysUntilDue: 5 });
    expect(flagsOf(s, '2025-06-20', 'DR12')[0]).toMatchObject({ dueDate: '2025-06-17', daysOverdue: 3 });
  });

  it('Given a temporary placement while the foster carer is on holiday (T3) still open after 3 weeks (903 rule 376), Then it is flagged', () => {
    const s = inCare().temporary('2025-07-01', 'T3').summary();
    expect(flagsOf(s, '2025-07-22', 'DR12')).toEqual([]);
    expect(flagsOf(s, '2025-07-25', 'DR12')).toEqual([
      expect.objectContaining({
        key: 'T3/2025-07-01',
        dueDate: '2025-07-22',
        daysOverdue: 3,
        threshold: { code: 'T3', days: 21, limit: '3 weeks', rule903: '376' },
      }),
    ]);
  });

  it('Given a hospital stay (T1) of 6 weeks and a T4 of 7 days, ended in time, Then no flag', () => {
    const s = inCare()
      .temporary('2025-07-01', 'T1')
      .backFromTemporary('2025-08-12')
      .temporary('2025-09-01', 'T4')
      .backFromTemporary('2025-09-08')
      .summary();
    expect(historyOf(s, '2025-12-01', 'DR12')).toEqual([]);
  });

  it('Given a T4 whose return was recorded late (data from before the refusal), Then the history keeps the breach, closed by the return', () => {
    const s = inCare().temporary('2025-09-01', 'T4').backFromTemporary('2025-09-12').summary();
    expect(flagsOf(s, '2025-10-01', 'DR12')).toEqual([]);
    expect(historyOf(s, '2025-10-01', 'DR12')).toEqual([
      expect.objectContaining({
        openedOn: '2025-09-09',
        closedOn: '2025-09-12',
        closedBy: 'step',
        daysOverdue: 4,
      }),
    ]);
  });

  it('Given a holiday stay (T0 or T2, no limit), Then no flag however long', () => {
    const s = inCare().temporary('2025-07-01', 'T2').summary();
    expect(flagsOf(s, '2026-01-01', 'DR12')).toEqual([]);
  });

  it('Given an overdue L1, Then the drift report counts it under DR12 and the rule describes every limit', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-06-02', 'L1').summary();
    const report = driftReport([s], '2025-06-10', DEFAULT_DRIFT_CONFIG);
    expect(report.byRule.find((row) => row.ruleId === 'DR12')).toMatchObject({ open: 1 });
    expect(driftRule('DR12').describe(DEFAULT_DRIFT_CONFIG)).toBe(
      'A legal status or temporary placement still open past its 903 time limit: L1 72 hours, L2 21 days, L3 7 days, T1 6 weeks, T3 3 weeks, T4 7 days',
    );
  });
});
