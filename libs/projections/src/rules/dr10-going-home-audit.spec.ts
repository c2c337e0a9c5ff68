import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';
import { driftConfig } from './drift-config';

describe('DR10 going-home audit due', () => {
  // In a residential placement (K2) under a care order since 2020; turns 16 on 10 May 2024.
  const teenager = () =>
    journey('t').registered('2008-05-10', { dateOfBirth: '2008-05-10' }).startCare('2020-01-01', 'C2', 'K2');

  it('Given a child turning 16 in care on 10 May 2024, Then an audit is due 10 November 2024', () => {
    const s = teenager().summary();
    expect(flagsOf(s, '2024-11-10', 'DR10')).toEqual([]);
    expect(flagsOf(s, '2024-11-20', 'DR10')).toEqual([
      expect.objectContaining({ dueDate: '2024-11-10', daysOverdue: 10, threshold: { age: 16, months: 6 } }),
    ]);
  });

  it('Given an audit on the due date, Then it is in time and the next is due 6 months after it', () => {
    const s = teenager().audit('2024-11-10').summary();
    expect(flagsOf(s, '2025-05-10', 'DR10')).toEqual([]);
    expect(flagsOf(s, '2025-05-11', 'DR10')[0]).toMatchObject({ dueDate: '2025-05-10', evidence: ['t-3'] });
  });

  it('Given a child accommodated under section 20 (V2), Then an audit is due 6 months after entry', () => {
    const s = journey('v')
      .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
      .startCare('2025-01-15', 'V2', 'U3')
      .summary();
    expect(flagsOf(s, '2025-07-16', 'DR10')[0]).toMatchObject({ dueDate: '2025-07-15', daysOverdue: 1 });
  });

  it('Given a change to V2 during care, Then the cohort starts on that date', () => {
    const s = journey('v')
      .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
      .startCare('2024-01-15', 'C1', 'U3')
      .legalStatus('2025-02-01', 'V2')
      .summary();
    expect(flagsOf(s, '2025-08-02', 'DR10')[0]).toMatchObject({ dueDate: '2025-08-01', daysOverdue: 1 });
  });

  it('Given a late audit, Then the history keeps the breach', () => {
    const s = teenager().audit('2024-12-01').summary();
    expect(historyOf(s, '2025-01-01', 'DR10')).toEqual([
      expect.objectContaining({ openedOn: '2024-11-11', closedOn: '2024-12-01', daysOverdue: 21 }),
    ]);
  });

  it('Given a permanent placement (long-term fostering confirmed), Then the child is not in the cohort', () => {
    const s = journey('t')
      .registered('2008-05-10', { dateOfBirth: '2008-05-10' })
      .startCare('2020-01-01', 'C2', 'U4')
      .plan('2020-06-01', 'long_term_fostering')
      .summary();
    expect(flagsOf(s, '2025-01-01', 'DR10')).toEqual([]);
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('v')
      .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
      .startCare('2025-01-15', 'V3')
      .summary();
    expect(flagsOf(s, '2025-09-01', 'DR10')).toEqual([]);
  });

  it('Given a 29 February birthday and a cohort age reached in a common year, Then the cohort starts on 1 March', () => {
    // Age 17 in 2025: 28 February 2025 is still 16, 1 March 2025 is 17.
    const config = driftConfig({ DR10: { age: 17 } });
    const s = journey('f')
      .registered('2008-02-29', { dateOfBirth: '2008-02-29' })
      .startCare('2020-01-01', 'C2', 'K2')
      .summary();
    expect(flagsOf(s, '2025-09-01', 'DR10', config)).toEqual([]);
    expect(flagsOf(s, '2025-09-02', 'DR10', config)).toEqual([
      expect.objectContaining({ key: '2025-03-01@2025-03-01', dueDate: '2025-09-01', daysOverdue: 1 }),
    ]);
  });

  describe('evidence: the entry that started the clock, so the due date follows from it', () => {
    it('Given care started under V2, When the audit is overdue, Then the evidence is the start of care', () => {
      const s = journey('v')
        .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
        .startCare('2025-01-15', 'V2', 'U3')
        .summary();
      expect(flagsOf(s, '2025-07-16', 'DR10')[0]).toMatchObject({ dueDate: '2025-07-15', evidence: ['v-2'] });
    });

    it('Given a change to V2 during care, When the audit is overdue, Then the evidence is the legal-status change', () => {
      const s = journey('v')
        .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
        .startCare('2024-01-15', 'C1', 'U3')
        .legalStatus('2025-02-01', 'V2')
        .summary();
      expect(flagsOf(s, '2025-08-02', 'DR10')[0]).toMatchObject({ dueDate: '2025-08-01', evidence: ['v-3'] });
    });

    it('Given a child who turns 16 in care, When the audit is overdue, Then the evidence is the registration (the date of birth the birthday is worked out from)', () => {
      const s = teenager().summary();
      expect(flagsOf(s, '2024-11-20', 'DR10')[0]).toMatchObject({
        key: '2024-05-10@2024-05-10',
        dueDate: '2024-11-10',
        evidence: ['t-1'],
      });
    });

    it('Given a 16-year-old leaving a long-term fostering placement confirmed as the plan, When the audit is overdue, Then the evidence is the placement change', () => {
      const s = journey('p')
        .registered('2007-01-01', { dateOfBirth: '2007-01-01' })
        .startCare('2022-01-01', 'C2', 'U4')
        .plan('2022-02-01', 'long_term_fostering')
        .move('2024-04-28', 'U6')
        .summary();
      expect(flagsOf(s, '2024-11-01', 'DR10')[0]).toMatchObject({
        key: '2024-04-28@2024-04-28',
        dueDate: '2024-10-28',
        evidence: ['p-4'],
      });
    });

    it('Given a 16-year-old whose plan changes away from long-term fostering, When the audit is overdue, Then the evidence is the plan change', () => {
      const s = journey('q')
        .registered('2007-01-01', { dateOfBirth: '2007-01-01' })
        .startCare('2022-01-01', 'C2', 'U4')
        .plan('2022-02-01', 'long_term_fostering')
        .plan('2024-03-05', 'return_home')
        .summary();
      expect(flagsOf(s, '2024-09-06', 'DR10')[0]).toMatchObject({
        key: '2024-03-05@2024-03-05',
        dueDate: '2024-09-05',
        evidence: ['q-4'],
      });
    });

    it('Given an audit after entry, When the next is overdue, Then the evidence is that audit', () => {
      const s = teenager().audit('2024-11-01').summary();
      expect(flagsOf(s, '2025-05-02', 'DR10')[0]).toMatchObject({ dueDate: '2025-05-01', evidence: ['t-3'] });
    });
  });

  describe('leaving a permanent placement (DR10.afterPermanentPlacement)', () => {
    // Turns 16 on 1 January 2023 while in long-term fostering confirmed as the plan (a permanent
    // placement, so not in the cohort); moves out of it on 28 April 2024.
    const leavesPermanence = () =>
      journey('p')
        .registered('2007-01-01', { dateOfBirth: '2007-01-01' })
        .startCare('2022-01-01', 'C2', 'U4')
        .plan('2022-02-01', 'long_term_fostering');
    const reenters = driftConfig({ DR10: { afterPermanentPlacement: 'reenters_cohort' } });
    const resumes = driftConfig({ DR10: { afterPermanentPlacement: 'resumes_clock' } });

    it('Given no setting, When the configuration is read, Then leaving a permanent placement re-enters the cohort (the behaviour before the setting)', () => {
      expect(driftConfig().DR10).toEqual({ age: 16, months: 6, afterPermanentPlacement: 'reenters_cohort' });
    });

    it('Given reenters_cohort, When a 16-year-old leaves the permanent placement, Then a first audit is due 6 months after that day, resting on the move', () => {
      const s = leavesPermanence().move('2024-04-28', 'U6').summary();
      expect(flagsOf(s, '2024-10-28', 'DR10', reenters)).toEqual([]);
      expect(flagsOf(s, '2024-11-01', 'DR10', reenters)).toEqual([
        expect.objectContaining({ key: '2024-04-28@2024-04-28', dueDate: '2024-10-28', evidence: ['p-4'] }),
      ]);
    });

    it('Given resumes_clock, When a 16-year-old leaves the permanent placement long after turning 16, Then the audit was due 6 months after the birthday, and the flag opens the day the placement ends', () => {
      const s = leavesPermanence().move('2024-04-28', 'U6').summary();
      // Not in the cohort while in the permanent placement: no flag before the move.
      expect(flagsOf(s, '2024-04-27', 'DR10', resumes)).toEqual([]);
      expect(flagsOf(s, '2024-05-01', 'DR10', resumes)).toEqual([
        expect.objectContaining({
          key: '2024-04-28@2023-01-01',
          dueDate: '2023-07-01',
          openedOn: '2024-04-28',
          daysOverdue: 305,
          // The birthday is worked out from the date of birth: the registration records it.
          evidence: ['p-1'],
        }),
      ]);
      expect(historyOf(s, '2024-06-01', 'DR10', resumes)).toEqual([
        expect.objectContaining({ openedOn: '2024-04-28', closedOn: undefined }),
      ]);
    });

    it('Given resumes_clock and an audit held during the permanent placement, When the child leaves it, Then the next audit is due 6 months after that audit, resting on it', () => {
      const s = leavesPermanence().audit('2024-01-15').move('2024-04-28', 'U6').summary();
      expect(flagsOf(s, '2024-07-15', 'DR10', resumes)).toEqual([]);
      expect(flagsOf(s, '2024-07-20', 'DR10', resumes)).toEqual([
        expect.objectContaining({ key: '2024-04-28@2024-01-15', dueDate: '2024-07-15', evidence: ['p-4'] }),
      ]);
    });

    it('Given resumes_clock, When a child enters the cohort by a named way (turning 16 in care, not in a permanent placement), Then the due date is the same as under reenters_cohort', () => {
      const s = teenager().summary();
      expect(flagsOf(s, '2024-11-20', 'DR10', resumes)).toEqual(flagsOf(s, '2024-11-20', 'DR10', reenters));
      expect(flagsOf(s, '2024-11-20', 'DR10', resumes)[0]).toMatchObject({ dueDate: '2024-11-10' });
    });

    it('Given resumes_clock, When an audit is held after the child is back in the cohort, Then it closes the flag and the next is due 6 months after it', () => {
      const s = leavesPermanence().move('2024-04-28', 'U6').audit('2024-05-10').summary();
      expect(historyOf(s, '2024-06-01', 'DR10', resumes)).toEqual([
        expect.objectContaining({ openedOn: '2024-04-28', closedOn: '2024-05-10', closedBy: 'step' }),
      ]);
      expect(flagsOf(s, '2024-11-11', 'DR10', resumes)[0]).toMatchObject({ dueDate: '2024-11-10' });
    });

    it.each([
      [
        { afterPermanentPlacement: 'never' },
        /^DR10\.afterPermanentPlacement must be one of 'reenters_cohort', 'resumes_clock', got "never"/,
      ],
      [
        { afterPermanentPlacement: 1 },
        /^DR10\.afterPermanentPlacement must be a text choice such as "reenters_cohort", got 1$/,
      ],
      [
        { afterPermanentPlacment: 'resumes_clock' },
        /^DR10\.afterPermanentPlacment is not a threshold of DR10; it takes age, months, afterPermanentPlacement$/,
      ],
    ])(
      'Given the setting %p, When the configuration is read, Then it is refused naming the setting',
      (setting, message) => {
        expect(() => driftConfig({ DR10: setting as never })).toThrow(message);
      },
    );
  });
});
