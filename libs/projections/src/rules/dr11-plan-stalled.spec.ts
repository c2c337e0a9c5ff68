import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { DR11 } from './dr11-plan-stalled';

describe('DR11 permanence plan stalled', () => {
  const returnHome = () =>
    journey('c')
      .registered('2015-01-01')
      .startCare('2024-10-01', 'C1', 'U3')
      .plan('2025-01-10', 'return_home');

  it('Given a return-home plan on 10 January 2025 and no step, Then it is stalled after 10 July', () => {
    const s = returnHome().summary();
    expect(flagsOf(s, '2025-07-10', 'DR11')).toEqual([]);
    expect(flagsOf(s, '2025-07-20', 'DR11')).toEqual([
      expect.objectContaining({
        dueDate: '2025-07-10',
        daysOverdue: 10,
        evidence: ['c-3'],
        threshold: { route: 'return_home', months: 6 },
      }),
    ]);
  });

  it('Given a step on the due date, Then it is in time and restarts the clock', () => {
    const s = returnHome().audit('2025-07-10').summary();
    expect(flagsOf(s, '2026-01-10', 'DR11')).toEqual([]);
    expect(flagsOf(s, '2026-01-11', 'DR11')[0]).toMatchObject({ dueDate: '2026-01-10', evidence: ['c-4'] });
  });

  it('Given special guardianship, Then the limit is 9 months, and the order achieves the plan', () => {
    const b = journey('c')
      .registered('2015-01-01')
      .startCare('2024-10-01', 'C1', 'U1')
      .plan('2025-01-10', 'special_guardianship');
    expect(flagsOf(b.summary(), '2025-10-11', 'DR11')[0]).toMatchObject({
      dueDate: '2025-10-10',
      daysOverdue: 1,
    });
    b.endCare('2025-10-20', 'E45');
    expect(historyOf(b.summary(), '2025-12-01', 'DR11')).toEqual([
      expect.objectContaining({
        openedOn: '2025-10-11',
        closedOn: '2025-10-20',
        closedBy: 'step',
        daysOverdue: 10,
      }),
    ]);
  });

  it('Given long-term fostering, Then the move to a long-term placement is the match', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-10-01', 'C2', 'U3')
      .plan('2025-01-10', 'long_term_fostering')
      .move('2025-07-10', 'U4', true)
      .summary();
    expect(flagsOf(s, '2026-06-01', 'DR11')).toEqual([]);
    expect(historyOf(s, '2026-06-01', 'DR11')).toEqual([]);
  });

  describe('a long-term placement that breaks down (review s16-ofsted F1)', () => {
    // C100055's shape: planned 7 Dec 2023, long-term carers 4 Jan 2024, moved to U6 elsewhere 14 Aug 2025.
    const brokenDown = () =>
      journey('c')
        .registered('2012-01-01')
        .startCare('2023-06-01', 'C2', 'U6')
        .plan('2023-12-07', 'long_term_fostering')
        .move('2024-01-04', 'U1')
        .move('2025-08-14', 'U6');

    it('Given a long-term match on 4 Jan 2024 and a move to U6 with another carer on 14 Aug 2025, Then DR11 is due 14 Feb 2026, resting on the plan and the move', () => {
      const s = brokenDown().summary();
      expect(flagsOf(s, '2026-02-14', 'DR11')).toEqual([]);
      expect(flagsOf(s, '2026-02-20', 'DR11')).toEqual([
        expect.objectContaining({
          dueDate: '2026-02-14',
          daysOverdue: 6,
          evidence: ['c-3', 'c-5'],
          threshold: { route: 'long_term_fostering', months: 6 },
        }),
      ]);
    });

    it('Given the same carer goes on under a type that is not long-term, Then that change starts the obligation', () => {
      const s = journey('c')
        .registered('2012-01-01')
        .startCare('2023-06-01', 'C2', 'U4')
        .plan('2023-12-07', 'long_term_fostering')
        .move('2025-03-01', 'U6', true)
        .summary();
      expect(flagsOf(s, '2025-09-02', 'DR11')).toEqual([
        expect.objectContaining({ dueDate: '2025-09-01', evidence: ['c-3', 'c-4'] }),
      ]);
    });

    it('Given a new long-term placement after the breakdown, Then the flag closes on it and the history keeps the breach', () => {
      const s = brokenDown().move('2026-03-01', 'U4').summary();
      expect(flagsOf(s, '2026-06-01', 'DR11')).toEqual([]);
      expect(historyOf(s, '2026-06-01', 'DR11')).toEqual([
        expect.objectContaining({ openedOn: '2026-02-15', closedOn: '2026-03-01', closedBy: 'step' }),
      ]);
    });

    it('Given a move straight to other long-term carers, Then the plan is matched again that day and nothing opens', () => {
      const s = brokenDown().summary();
      const direct = journey('c')
        .registered('2012-01-01')
        .startCare('2023-06-01', 'C2', 'U6')
        .plan('2023-12-07', 'long_term_fostering')
        .move('2024-01-04', 'U1')
        .move('2025-08-14', 'U4')
        .summary();
      expect(flagsOf(s, '2026-06-01', 'DR11')).toHaveLength(1);
      expect(flagsOf(direct, '2026-06-01', 'DR11')).toEqual([]);
      expect(historyOf(direct, '2026-06-01', 'DR11')).toEqual([]);
    });

    it('Given a new plan after the breakdown, Then the broken-down plan no longer applies', () => {
      const s = brokenDown().plan('2025-10-01', 'return_home').summary();
      expect(flagsOf(s, '2026-03-01', 'DR11')).toEqual([]);
    });

    it('Given the child leaves care from the long-term placement, Then nothing opens', () => {
      const s = brokenDown().summary();
      const left = journey('c')
        .registered('2012-01-01')
        .startCare('2023-06-01', 'C2', 'U6')
        .plan('2023-12-07', 'long_term_fostering')
        .move('2024-01-04', 'U1')
        .endCare('2025-08-14', 'E8')
        .summary();
      expect(flagsOf(s, '2026-03-01', 'DR11')).toHaveLength(1);
      expect(historyOf(left, '2026-06-01', 'DR11')).toEqual([]);
    });
  });

  it('Given a new plan, Then the old plan no longer applies', () => {
    const s = returnHome().plan('2025-08-01', 'adoption').summary();
    expect(flagsOf(s, '2025-09-01', 'DR11')).toEqual([]);
    expect(historyOf(s, '2025-09-01', 'DR11')[0]).toMatchObject({
      closedOn: '2025-08-01',
      closedBy: 'no_longer_applies',
    });
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-10-01', 'V3')
      .plan('2025-01-10', 'return_home')
      .summary();
    expect(flagsOf(s, '2026-01-01', 'DR11')).toEqual([]);
  });

  it('describes its limits in words for the panel, not by the configuration keys', () => {
    const text = DR11.describe(DEFAULT_DRIFT_CONFIG);
    expect(text).toContain('return home 6 months');
    expect(text).toContain('long term fostering');
    expect(text).not.toMatch(/_/);
  });
});
