import { addDays, addMonths } from '@care-journey/journey';
import { addDaysKept, addMonthsKept, firstDayOfMonthsUpToKept } from './date-memo';

describe('kept date arithmetic', () => {
  it('Given any date and amount, Then it answers as addMonths and addDays do, asked once or again', () => {
    const dates = ['2024-01-31', '2024-02-29', '2023-02-28', '2000-12-31', '1999-03-01', '2025-06-15'];
    for (let round = 0; round < 2; round++)
      for (const date of dates)
        for (const by of [-13, -12, -1, 0, 1, 3, 6, 12, 192]) {
          expect(addMonthsKept(date, by)).toBe(addMonths(date, by));
          expect(addDaysKept(date, by)).toBe(addDays(date, by));
        }
  });

  it('Given any date and months, Then the first day of the months up to it is the day after the same day that many months back (month ends clamped), asked once or again', () => {
    for (let round = 0; round < 2; round++)
      for (const date of ['2024-02-29', '2025-02-28', '2025-03-31', '2025-01-01'])
        for (const months of [1, 6, 12, 24])
          expect(firstDayOfMonthsUpToKept(date, months)).toBe(addDays(addMonths(date, -months), 1));
    expect(firstDayOfMonthsUpToKept('2025-02-28', 12)).toBe('2024-02-29');
    expect(firstDayOfMonthsUpToKept('2024-02-29', 12)).toBe('2023-03-01');
  });

  it('Given a date that does not exist, Then it throws every time (nothing is kept)', () => {
    expect(() => addMonthsKept('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addMonthsKept('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDaysKept('2025-1-01', 1)).toThrow(RangeError);
    expect(() => addMonthsKept('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('kept date arithmetic, dates made afresh', () => {
  it('Given the same date as a new string each time (a slice), Then the answer is the same as for the literal', () => {
    const recorded = ['2024-02-29T10:00:00Z', '2023-12-31T23:59:59Z'];
    for (let round = 0; round < 2; round++)
      for (const text of recorded) {
        const date = text.slice(0, 10);
        expect(addMonthsKept(date, -12)).toBe(addMonths(date, -12));
        expect(addDaysKept(date, 1)).toBe(addDays(date, 1));
      }
  });

  it('Given strings that are not shaped yyyy-mm-dd (or not digits), Then each is answered by the journey itself', () => {
    for (const odd of ['2025-1-01', '2025/01/01', '20a5-01-01', '2025-01-0x', ' 2025-01-1'])
      expect(() => addDaysKept(odd, 1)).toThrow(RangeError);
  });
});
