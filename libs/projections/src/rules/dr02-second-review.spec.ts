import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR02 second review overdue', () => {
  const firstReviewed = () =>
    journey('c').registered('2015-01-01').startCare('2025-01-02').review('2025-01-14');

  it('Given a first review on 14 January, When no second review follows, Then it is due on 14 April', () => {
    const s = firstReviewed().summary();
    expect(flagsOf(s, '2025-04-14', 'DR02')).toEqual([]);
    expect(flagsOf(s, '2025-04-20', 'DR02')).toEqual([
      expect.objectContaining({
        dueDate: '2025-04-14',
        daysOverdue: 6,
        evidence: ['c-2', 'c-3'],
        threshold: { months: 3 },
      }),
    ]);
  });

  it('Given the second review on the due date, Then it is in time', () => {
    const s = firstReviewed().review('2025-04-14').summary();
    expect(flagsOf(s, '2025-05-01', 'DR02')).toEqual([]);
    expect(historyOf(s, '2025-05-01', 'DR02')).toEqual([]);
  });

  it('Given the second review held late, Then the history keeps the breach', () => {
    const s = firstReviewed().review('2025-04-20').summary();
    expect(flagsOf(s, '2025-05-01', 'DR02')).toEqual([]);
    expect(historyOf(s, '2025-05-01', 'DR02')).toEqual([
      expect.objectContaining({ openedOn: '2025-04-15', closedOn: '2025-04-20', daysOverdue: 6 }),
    ]);
  });

  it('Given no first review yet, Then DR02 has nothing to say (DR01 does)', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-01-02').summary();
    expect(flagsOf(s, '2025-06-01', 'DR02')).toEqual([]);
    expect(flagsOf(s, '2025-06-01', 'DR01')).toHaveLength(1);
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2025-01-02', 'V3')
      .review('2025-01-14')
      .summary();
    expect(flagsOf(s, '2025-06-01', 'DR02')).toEqual([]);
  });
});
