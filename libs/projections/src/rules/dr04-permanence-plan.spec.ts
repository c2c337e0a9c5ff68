import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR04 no permanence plan by second review', () => {
  const reviewedTwice = () =>
    journey('c').registered('2015-01-01').startCare('2025-01-06').review('2025-01-20').review('2025-04-01');

  it('Given the second review held on 1 April with no plan, Then the flag is due that day', () => {
    const s = reviewedTwice().summary();
    expect(flagsOf(s, '2025-04-01', 'DR04')).toEqual([]);
    expect(flagsOf(s, '2025-04-10', 'DR04')).toEqual([
      expect.objectContaining({ dueDate: '2025-04-01', daysOverdue: 9, evidence: ['c-2', 'c-3', 'c-4'] }),
    ]);
  });

  it('Given the second review held on 20 April, the day it fell due (first review 20 January + 3 months), When the plan is overdue, Then the flag is due that day and its evidence includes that review', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2025-01-06')
      .review('2025-01-20')
      .review('2025-04-20')
      .summary();
    expect(flagsOf(s, '2025-04-30', 'DR04')).toEqual([
      expect.objectContaining({ dueDate: '2025-04-20', daysOverdue: 10, evidence: ['c-2', 'c-3', 'c-4'] }),
    ]);
  });

  it('Given a plan recorded on the day of the second review, Then it is in time', () => {
    const s = reviewedTwice().plan('2025-04-01', 'return_home').summary();
    expect(flagsOf(s, '2025-05-01', 'DR04')).toEqual([]);
    expect(historyOf(s, '2025-05-01', 'DR04')).toEqual([]);
  });

  it('Given the second review never held, Then the plan was due when the review fell due (first + 3 months)', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-01-06').review('2025-01-20').summary();
    expect(flagsOf(s, '2025-04-30', 'DR04')[0]).toMatchObject({ dueDate: '2025-04-20', daysOverdue: 10 });
  });

  it('Given a plan recorded late, Then the flag closes that day and the history keeps it', () => {
    const s = reviewedTwice().plan('2025-04-15', 'adoption').summary();
    expect(flagsOf(s, '2025-04-20', 'DR04')).toEqual([]);
    expect(historyOf(s, '2025-04-20', 'DR04')).toEqual([
      expect.objectContaining({ openedOn: '2025-04-02', closedOn: '2025-04-15', daysOverdue: 14 }),
    ]);
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2025-01-06', 'V3')
      .review('2025-01-20')
      .review('2025-04-01')
      .summary();
    expect(flagsOf(s, '2025-06-01', 'DR04')).toEqual([]);
  });
});
