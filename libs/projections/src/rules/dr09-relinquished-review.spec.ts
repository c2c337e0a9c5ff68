import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR09 relinquished baby review', () => {
  const baby = () =>
    journey('b')
      .registered('2025-03-01', { dateOfBirth: '2025-03-01', relinquishedAtBirth: true })
      .startCare('2025-03-03', 'V2', 'U3');

  it('Given a baby born on 1 March, Then a review is due by 15 March', () => {
    const s = baby().summary();
    expect(flagsOf(s, '2025-03-15', 'DR09')).toEqual([]);
    expect(flagsOf(s, '2025-03-20', 'DR09')).toEqual([
      expect.objectContaining({ dueDate: '2025-03-15', daysOverdue: 5, threshold: { days: 14 } }),
    ]);
  });

  it('Given a review on the due date, Then it is in time', () => {
    expect(flagsOf(baby().review('2025-03-15').summary(), '2025-04-01', 'DR09')).toEqual([]);
  });

  it('Given a late review, Then the history keeps the breach', () => {
    const s = baby().review('2025-03-18').summary();
    expect(historyOf(s, '2025-04-01', 'DR09')).toEqual([
      expect.objectContaining({ openedOn: '2025-03-16', closedOn: '2025-03-18', daysOverdue: 3 }),
    ]);
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('b')
      .registered('2025-03-01', { dateOfBirth: '2025-03-01', relinquishedAtBirth: true })
      .startCare('2025-03-03', 'V4')
      .summary();
    expect(flagsOf(s, '2025-04-01', 'DR09')).toEqual([]);
  });
});
