import Holidays from 'date-holidays';
import { ENGLAND_CALENDAR } from './working-days';
import { bankHolidaysOf } from './bank-holidays';

describe('working days (England and Wales)', () => {
  it('knows the real 2024 and 2025 bank holidays', () => {
    const holidays2024 = bankHolidaysOf(2024);
    const holidays2025 = bankHolidaysOf(2025);
    for (const day of ['2024-12-25', '2024-12-26', '2024-03-29', '2024-04-01', '2024-08-26']) {
      expect(holidays2024.has(day)).toBe(true);
    }
    for (const day of ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25']) {
      expect(holidays2025.has(day)).toBe(true);
    }
    // Observances are not holidays.
    expect(holidays2025.has('2025-03-30')).toBe(false);
    expect(holidays2025.size).toBe(8);
  });

  it('treats weekends and bank holidays as non-working', () => {
    expect(ENGLAND_CALENDAR.isWorkingDay('2025-04-18')).toBe(false); // Good Friday
    expect(ENGLAND_CALENDAR.isWorkingDay('2025-04-21')).toBe(false); // Easter Monday
    expect(ENGLAND_CALENDAR.isWorkingDay('2025-05-05')).toBe(false); // Early May
    expect(ENGLAND_CALENDAR.isWorkingDay('2025-04-19')).toBe(false); // Saturday
    expect(ENGLAND_CALENDAR.isWorkingDay('2025-04-22')).toBe(true); // Tuesday
  });

  it('counts 20 working days from a Monday with no holiday to the Monday four weeks on', () => {
    expect(ENGLAND_CALENDAR.addWorkingDays('2025-06-02', 20)).toBe('2025-06-30');
  });

  it('skips Easter and the May bank holiday', () => {
    // From Thu 2025-04-17: Good Friday 18 and Easter Monday 21 are skipped, as is 5 May:
    // 22–25 Apr (4), 28 Apr–2 May (9), 6–9 May (13), 12–16 May (18), 19 May (19), 20 May (20).
    expect(ENGLAND_CALENDAR.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    expect(ENGLAND_CALENDAR.addWorkingDays('2025-04-17', 20)).toBe('2025-05-20');
  });

  it('skips Christmas and Boxing Day across the year end', () => {
    // Mon 2024-12-23 → Tue 24, (25, 26 holidays), Fri 27, Mon 30, Tue 31, (1 Jan holiday), Thu 2 Jan.
    expect(ENGLAND_CALENDAR.addWorkingDays('2024-12-23', 5)).toBe('2025-01-02');
  });

  it('starts counting from a weekend start at the next working day', () => {
    expect(ENGLAND_CALENDAR.addWorkingDays('2025-06-07', 1)).toBe('2025-06-09');
    expect(ENGLAND_CALENDAR.addWorkingDays('2025-06-07', 0)).toBe('2025-06-07');
  });

  it('counts working days between two dates', () => {
    expect(ENGLAND_CALENDAR.workingDaysBetween('2025-04-17', '2025-05-20')).toBe(20);
    expect(ENGLAND_CALENDAR.workingDaysBetween('2025-05-20', '2025-04-17')).toBe(0);
  });

  it('refuses a fractional or negative count', () => {
    expect(() => ENGLAND_CALENDAR.addWorkingDays('2025-06-02', -1)).toThrow(RangeError);
    expect(() => ENGLAND_CALENDAR.addWorkingDays('2025-06-02', 1.5)).toThrow(RangeError);
  });
});

describe('bank holidays asked for public days only', () => {
  it('Given every year 1990-2060, Then they are the public days of the full calendar of England and Wales', () => {
    const full = new Holidays('GB', 'ENG');
    for (let year = 1990; year <= 2060; year++) {
      const expected = full
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10));
      expect([...bankHolidaysOf(year)]).toEqual(expected);
    }
  });
});
