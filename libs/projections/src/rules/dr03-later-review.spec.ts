import { journey } from '../testing/journey-builder';
import { dueSoonOf, flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR03 review overdue', () => {
  const twoReviews = () =>
    journey('c').registered('2015-01-01').startCare('2025-01-02').review('2025-01-14').review('2025-04-10');

  it('Given a second review on 10 April, When none follows, Then the next is due 10 October', () => {
    const s = twoReviews().summary();
    expect(dueSoonOf(s, '2025-10-01', 'DR03')[0]).toMatchObject({ dueDate: '2025-10-10', daysUntilDue: 9 });
    expect(flagsOf(s, '2025-10-31', 'DR03')).toEqual([
      expect.objectContaining({
        dueDate: '2025-10-10',
        daysOverdue: 21,
        evidence: ['c-4'],
        threshold: { months: 6 },
      }),
    ]);
  });

  it('Given each review on its due date, Then the chain moves on with no flag', () => {
    const s = twoReviews().review('2025-10-10').summary();
    expect(flagsOf(s, '2026-04-10', 'DR03')).toEqual([]);
    expect(flagsOf(s, '2026-04-11', 'DR03')[0]).toMatchObject({
      dueDate: '2026-04-10',
      daysOverdue: 1,
      evidence: ['c-5'],
    });
  });

  it('Given a month-end review, Then six months on clamps to the last day of the month', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-05-01')
      .review('2024-05-20')
      .review('2024-08-31')
      .summary();
    expect(flagsOf(s, '2025-03-01', 'DR03')[0]).toMatchObject({ dueDate: '2025-02-28', daysOverdue: 1 });
  });

  it('Given a review held late, Then the breach stays in the history', () => {
    const s = twoReviews().review('2025-11-01').summary();
    expect(flagsOf(s, '2025-11-05', 'DR03')).toEqual([]);
    expect(historyOf(s, '2025-11-05', 'DR03')).toEqual([
      expect.objectContaining({
        openedOn: '2025-10-11',
        closedOn: '2025-11-01',
        daysOverdue: 22,
        closedBy: 'step',
      }),
    ]);
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2025-01-02', 'V4')
      .review('2025-01-14')
      .review('2025-04-10')
      .summary();
    expect(flagsOf(s, '2026-01-01', 'DR03')).toEqual([]);
  });
});
