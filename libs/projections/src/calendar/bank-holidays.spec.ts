import { bankHolidaysOf, computedBankHolidaysOf } from './bank-holidays';
import { FIRST_LISTED_YEAR, LAST_LISTED_YEAR } from './bank-holidays.data';

describe('bank holidays of England and Wales', () => {
  it('Given any listed year, Then the written-out days are exactly what date-holidays computes', () => {
    for (let year = FIRST_LISTED_YEAR; year <= LAST_LISTED_YEAR; year++)
      expect([...bankHolidaysOf(year)]).toEqual([...computedBankHolidaysOf(year)]);
  });

  it('Given a year outside the list, Then date-holidays computes it', () => {
    expect([...bankHolidaysOf(1999)]).toEqual([...computedBankHolidaysOf(1999)]);
    expect(bankHolidaysOf(2060).has('2060-12-25')).toBe(true);
  });

  it('Given 2022, Then the one-off days are there (Queen Elizabeth II’s funeral, the Platinum Jubilee)', () => {
    expect(bankHolidaysOf(2022).has('2022-09-19')).toBe(true);
    expect(bankHolidaysOf(2022).has('2022-06-03')).toBe(true);
  });
});
