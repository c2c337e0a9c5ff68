import { bankHolidaysOf } from './bank-holidays';
import { ENGLAND_CALENDAR } from './working-days';

/** Monday to Friday: the library also lists a holiday's own date when it falls on a weekend. */
const weekday = (date: string): boolean => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/**
 * The bank holidays of England and Wales 2020–2027 (gov.uk/bank-holidays), one-off days and
 * substitute days included, written out: DR01's 20 working days rest on them, and an audit replay
 * uses the running build's calendar, so a `date-holidays` upgrade that changes any of them must
 * fail here first (review s15-iro F7; docs/drift-rules.md, "Bank holidays"). The weekdays are
 * compared: `date-holidays` also lists the day itself when it falls on a weekend (Christmas Day on a
 * Saturday), which is not a working day either way.
 */
const ENGLAND_AND_WALES: Record<number, string[]> = {
  2020: ['01-01', '04-10', '04-13', '05-08', '05-25', '08-31', '12-25', '12-28'],
  2021: ['01-01', '04-02', '04-05', '05-03', '05-31', '08-30', '12-27', '12-28'],
  2022: ['01-03', '04-15', '04-18', '05-02', '06-02', '06-03', '08-29', '09-19', '12-26', '12-27'],
  2023: ['01-02', '04-07', '04-10', '05-01', '05-08', '05-29', '08-28', '12-25', '12-26'],
  2024: ['01-01', '03-29', '04-01', '05-06', '05-27', '08-26', '12-25', '12-26'],
  2025: ['01-01', '04-18', '04-21', '05-05', '05-26', '08-25', '12-25', '12-26'],
  2026: ['01-01', '04-03', '04-06', '05-04', '05-25', '08-31', '12-25', '12-28'],
  2027: ['01-01', '03-26', '03-29', '05-03', '05-31', '08-30', '12-27', '12-28'],
};

describe('bank holidays of England and Wales, pinned', () => {
  it.each(Object.entries(ENGLAND_AND_WALES))(
    'Given %s, Then the calendar has exactly the published bank holidays',
    (year, days) => {
      expect([...bankHolidaysOf(Number(year))].filter(weekday).sort()).toEqual(
        days.map((day) => `${year}-${day}`),
      );
    },
  );

  it('Given Boxing Day 2026 on a Saturday, Then the substitute Monday 28 December is a bank holiday and not a working day', () => {
    expect(ENGLAND_CALENDAR.isBankHoliday('2026-12-28')).toBe(true);
    expect(ENGLAND_CALENDAR.isWorkingDay('2026-12-28')).toBe(false);
    expect(ENGLAND_CALENDAR.isWorkingDay('2026-12-29')).toBe(true);
  });
});
