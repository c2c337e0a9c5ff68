import { addDays, addMonths } from '@care-journey/journey';
import { addDaysKept, addMonthsKept } from './date-memo';

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

  it('Given a date that does not exist, Then it throws every time (nothing is kept)', () => {
    expect(() => addMonthsKept('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addMonthsKept('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDaysKept('2025-1-01', 1)).toThrow(RangeError);
    expect(() => addMonthsKept('2025-01-01', 1.5)).toThrow(RangeError);
  });
});
