import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';
import { placementsDuring } from '../summary/queries';
import { driftConfig, DEFAULT_DRIFT_CONFIG } from './drift-config';
import { driftReport } from './drift-report';

/**
 * A period of care that starts as an agreed series of short breaks (V3) and goes on under a care
 * order: the short-break arrangement has ended, and the child is looked after on the new basis. By
 * default the review clock runs from the day of the change (DR01.afterShortBreaks).
 */
describe('short breaks, then a care order, in one period of care', () => {
  // Mon 6 Jan 2025 short breaks; Mon 2 June 2025 a care order: first review due Mon 30 June.
  const shortBreaksThenOrder = () =>
    journey('c').registered('2015-01-01').startCare('2025-01-06', 'V3', 'K2').legalStatus('2025-06-02', 'C2');

  it('Given short breaks then a care order, When no review is held, Then the first review falls due 20 working days after the order', () => {
    const s = shortBreaksThenOrder().summary();
    expect(flagsOf(s, '2025-06-30', 'DR01')).toEqual([]);
    expect(flagsOf(s, '2025-07-10', 'DR01')).toEqual([
      expect.objectContaining({
        dueDate: '2025-06-30',
        openedOn: '2025-07-01',
        daysOverdue: 10,
        evidence: ['c-3'], // the change of legal status
      }),
    ]);
  });

  it('Given short breaks then a care order, When the first review is held in time, Then the second and the permanence plan run from it', () => {
    const s = shortBreaksThenOrder().review('2025-06-20').summary();
    expect(flagsOf(s, '2025-07-10', 'DR01')).toEqual([]);
    expect(flagsOf(s, '2025-09-25', 'DR02')).toEqual([expect.objectContaining({ dueDate: '2025-09-20' })]);
    expect(flagsOf(s, '2025-09-25', 'DR04')).toEqual([expect.objectContaining({ dueDate: '2025-09-20' })]);
  });

  it('Given short breaks throughout, Then no review flag and no place in the drift report', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-01-06', 'V3', 'K2').summary();
    expect(flagsOf(s, '2025-07-10', 'DR01')).toEqual([]);
    expect(driftReport([s], '2025-07-10', DEFAULT_DRIFT_CONFIG).children).toEqual([]);
  });

  it('Given short breaks then a care order, Then the drift report lists the child under the order', () => {
    const report = driftReport([shortBreaksThenOrder().summary()], '2025-07-10', DEFAULT_DRIFT_CONFIG);
    expect(report.children).toEqual([
      expect.objectContaining({
        childId: 'c',
        legalStatus: 'C2',
        flags: [expect.objectContaining({ ruleId: 'DR01' })],
      }),
    ]);
    // Before the order, on short breaks: not listed.
    expect(
      driftReport([shortBreaksThenOrder().summary()], '2025-05-30', DEFAULT_DRIFT_CONFIG).children,
    ).toEqual([]);
  });

  it('Given the authority counts from the period start (DR01.afterShortBreaks = period_start), Then the first review was due 20 working days after the first short break, and the flag opens on the order', () => {
    const config = driftConfig({ DR01: { afterShortBreaks: 'period_start' } });
    const s = shortBreaksThenOrder().summary();
    expect(flagsOf(s, '2025-05-30', 'DR01', config)).toEqual([]);
    expect(flagsOf(s, '2025-07-10', 'DR01', config)).toEqual([
      expect.objectContaining({ dueDate: '2025-02-03', openedOn: '2025-06-02', daysOverdue: 157 }),
    ]);
  });

  it('Given a care order then short breaks again, Then the open review flag closes as no longer applying on the return', () => {
    const s = shortBreaksThenOrder().legalStatus('2025-08-01', 'V3').summary();
    expect(flagsOf(s, '2025-09-01', 'DR01')).toEqual([]);
    expect(historyOf(s, '2025-09-01', 'DR01')).toEqual([
      expect.objectContaining({
        openedOn: '2025-07-01',
        closedOn: '2025-08-01',
        closedBy: 'no_longer_applies',
      }),
    ]);
  });

  it('Given short breaks then a care order, Then placements count from the order (the short-break carer placement running on it counts once)', () => {
    const s = shortBreaksThenOrder().move('2025-07-01', 'U4').summary();
    expect(placementsDuring(s, '2025-01-01', '2025-05-31')).toEqual([]);
    expect(placementsDuring(s, '2025-01-01', '2025-07-31').map((run) => run.start)).toEqual([
      '2025-06-02',
      '2025-07-01',
    ]);
  });

  it('Given an unknown choice for DR01.afterShortBreaks, Then the configuration is refused naming the field', () => {
    expect(() => driftConfig({ DR01: { afterShortBreaks: 'first_break' as never } })).toThrow(
      /DR01\.afterShortBreaks must be one of 'legal_status_change', 'period_start'/,
    );
  });
});
