/**
 * Worked examples: review intervals in calendar months from a month end, across 29 February.
 * A month later than a month end is the last day of the target month (31 Aug + 6 months = 29 Feb
 * 2024, 28 Feb 2025); the chain then runs from the date the review was actually held.
 */
import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('worked examples: month ends and leap years (DR02, DR03)', () => {
  // Care from Thu 2 Nov 2023; 20 working days: 3 (1) 6–10 (6) 13–17 (11) 20–24 (16) 27–30 (20):
  // DR01 due 30 Nov, and the first review is held that day (in time).
  const firstReviewOn30Nov2023 = () =>
    journey('c').registered('2015-01-01').startCare('2023-11-02').review('2023-11-30');

  it('DR02: first review 30 Nov 2023 + 3 months = 29 Feb 2024 (leap year)', () => {
    const s = firstReviewOn30Nov2023().summary();
    expect(flagsOf(s, '2023-12-01', 'DR01')).toEqual([]);
    expect(flagsOf(s, '2024-02-29', 'DR02')).toEqual([]);
    expect(flagsOf(s, '2024-03-01', 'DR02')[0]).toMatchObject({ dueDate: '2024-02-29', daysOverdue: 1 });
  });

  it('DR02: a second review on 29 Feb 2024 is on the due date: in time', () => {
    const s = firstReviewOn30Nov2023().review('2024-02-29').summary();
    expect(flagsOf(s, '2024-03-15', 'DR02')).toEqual([]);
  });

  it('DR02: first review 30 Nov 2024 + 3 months = 28 Feb 2025 (not a leap year)', () => {
    // Care from Fri 1 Nov 2024: DR01 due 4–8 (5) 11–15 (10) 18–22 (15) 25–28 (19) 29 Nov (20).
    // The first review, on Sat 30 Nov, is a day late for DR01; DR02 runs from it all the same.
    const s = journey('c').registered('2015-01-01').startCare('2024-11-01').review('2024-11-30').summary();
    expect(historyOf(s, '2024-12-01', 'DR01')).toEqual([
      expect.objectContaining({ dueDate: '2024-11-29', closedOn: '2024-11-30', daysOverdue: 1 }),
    ]);
    expect(flagsOf(s, '2025-03-01', 'DR02')[0]).toMatchObject({ dueDate: '2025-02-28', daysOverdue: 1 });
  });

  // Care from Tue 2 May 2023. 20 working days: 3–5 (3) [8 May: the Coronation] 9–12 (7)
  // 15–19 (12) 22–26 (17) [29 May: spring bank holiday] 30 31 (19) 1 Jun (20).
  // First review 31 May (in time); second review 31 Aug = 31 May + 3 months (on the due date).
  const secondReviewOn31Aug2023 = () =>
    journey('c').registered('2015-01-01').startCare('2023-05-02').review('2023-05-31').review('2023-08-31');

  it('DR03: 31 Aug 2023 + 6 months = 29 Feb 2024', () => {
    const s = secondReviewOn31Aug2023().summary();
    expect(flagsOf(s, '2023-09-01', 'DR01')).toEqual([]);
    expect(flagsOf(s, '2023-09-01', 'DR02')).toEqual([]);
    expect(flagsOf(s, '2024-03-01', 'DR03')[0]).toMatchObject({ dueDate: '2024-02-29', daysOverdue: 1 });
  });

  it('DR03: held on 29 Feb 2024, the next is due 29 Aug 2024 (the chain runs from the review held)', () => {
    const s = secondReviewOn31Aug2023().review('2024-02-29').summary();
    expect(flagsOf(s, '2024-03-01', 'DR03')).toEqual([]);
    expect(flagsOf(s, '2024-08-29', 'DR03')).toEqual([]);
    expect(flagsOf(s, '2024-08-31', 'DR03')[0]).toMatchObject({ dueDate: '2024-08-29', daysOverdue: 2 });
  });
});
