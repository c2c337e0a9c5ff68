/**
 * Worked examples: DR01's 20 working days (counted from the day after care starts) over bank
 * holidays of England. Each due date is counted by hand in the comment above it.
 */
import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

const startedOn = (date: string) => journey('c').registered('2015-01-01').startCare(date);

describe('worked examples: working days over bank holidays (DR01 first review)', () => {
  // Mon 16 Dec 2024. Working days: 17 18 19 20 (4) 23 24 (6) [25 26 bank holidays] 27 (7)
  // 30 31 (9) [1 Jan bank holiday] 2 3 (11) 6–10 (16) 13 14 15 16 (20): due Thu 16 Jan 2025.
  it('Christmas and New Year 2024–25: due 16 Jan 2025, three days later than without them', () => {
    const s = startedOn('2024-12-16').summary();
    expect(flagsOf(s, '2025-01-16', 'DR01')).toEqual([]);
    expect(flagsOf(s, '2025-01-17', 'DR01')[0]).toMatchObject({
      dueDate: '2025-01-16',
      openedOn: '2025-01-17',
      daysOverdue: 1,
      evidence: ['c-2'],
    });
  });

  it('a review on that due date (16 Jan 2025) is in time: no flag, no history', () => {
    const s = startedOn('2024-12-16').review('2025-01-16').summary();
    expect(flagsOf(s, '2025-02-01', 'DR01')).toEqual([]);
    expect(historyOf(s, '2025-02-01', 'DR01')).toEqual([]);
  });

  // Mon 12 Dec 2022. 13–16 (4) 19–23 (9) [26 Boxing Day, 27 substitute for Christmas Day on a
  // Sunday] 28 29 30 (12) [2 Jan 2023 substitute for New Year's Day] 3–6 (16) 9 10 11 12 (20).
  it('substitute days (27 Dec 2022, 2 Jan 2023) are not working days: due Thu 12 Jan 2023', () => {
    const s = startedOn('2022-12-12').summary();
    expect(flagsOf(s, '2023-01-20', 'DR01')[0]).toMatchObject({ dueDate: '2023-01-12', daysOverdue: 8 });
  });

  // Wed 1 Jun 2022. [2 and 3 Jun: Platinum Jubilee] 6–10 (5) 13–17 (10) 20–24 (15)
  // 27–30 (19) 1 Jul (20).
  it('one-off bank holidays (Platinum Jubilee, 2–3 June 2022): due Fri 1 Jul 2022', () => {
    const s = startedOn('2022-06-01').summary();
    expect(flagsOf(s, '2022-07-04', 'DR01')[0]).toMatchObject({ dueDate: '2022-07-01', daysOverdue: 3 });
  });

  // Mon 5 Sep 2022. 6–9 (4) 12–16 (9) [19 Sep: the Queen's funeral] 20–23 (13) 26–30 (18)
  // 3 Oct (19) 4 Oct (20).
  it("one-off bank holiday (the Queen's funeral, 19 Sep 2022): due Tue 4 Oct 2022", () => {
    const s = startedOn('2022-09-05').summary();
    expect(flagsOf(s, '2022-10-04', 'DR01')).toEqual([]);
    expect(flagsOf(s, '2022-10-05', 'DR01')[0]).toMatchObject({ dueDate: '2022-10-04', daysOverdue: 1 });
  });
});
