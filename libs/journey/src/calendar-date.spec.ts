import {
  addDays,
  addMonths,
  ageInYearsOn,
  compareDates,
  daysBetween,
  daysInMonth,
  isValidCalendarDate,
  isValidInstant,
  maxDate,
  minDate,
  parseCalendarDate,
} from './calendar-date';

describe('calendar dates', () => {
  describe('isValidCalendarDate / parseCalendarDate', () => {
    it.each(['2024-05-10', '2024-02-29', '2000-02-29', '2025-12-31', '0001-01-01'])('accepts %s', (d) => {
      expect(isValidCalendarDate(d)).toBe(true);
    });
    it.each([
      '2025-02-30',
      '2025-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-05-00',
      '2024-5-10',
      '10/05/2024',
      '2024-05-10T00:00:00Z',
      ' 2024-05-10',
      '',
      '0000-01-01',
    ])('rejects %s', (d) => {
      expect(isValidCalendarDate(d)).toBe(false);
      expect(() => parseCalendarDate(d)).toThrow(RangeError);
    });
    it('rejects non-strings', () => {
      expect(isValidCalendarDate(20240510)).toBe(false);
      expect(isValidCalendarDate(undefined)).toBe(false);
    });
    it('parses into parts', () => {
      expect(parseCalendarDate('2019-03-02')).toEqual({ year: 2019, month: 3, day: 2 });
    });
  });

  it('knows month lengths', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2024, 4)).toBe(30);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it('compares', () => {
    expect(compareDates('2024-05-10', '2024-05-11')).toBe(-1);
    expect(compareDates('2024-05-10', '2024-05-10')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
    expect(minDate('2024-05-10', '2023-01-01')).toBe('2023-01-01');
    expect(maxDate('2024-05-10', '2023-01-01')).toBe('2024-05-10');
    expect(() => compareDates('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });

  describe('addDays', () => {
    it('crosses month, year and leap day', () => {
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
      expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
      expect(addDays('2024-05-10', 121)).toBe('2024-09-08');
      expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
      expect(addDays('2024-05-10', 0)).toBe('2024-05-10');
    });
    it('is not moved by daylight saving', () => {
      expect(addDays('2025-03-29', 1)).toBe('2025-03-30');
      expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
      expect(addDays('2025-10-26', 1)).toBe('2025-10-27');
    });
    it('rejects fractional days', () => {
      expect(() => addDays('2024-05-10', 1.5)).toThrow(RangeError);
    });
  });

  describe('addMonths', () => {
    it('keeps the day of month (3 months after 14 Jan is 14 Apr)', () => {
      expect(addMonths('2025-01-14', 3)).toBe('2025-04-14');
      expect(addMonths('2024-05-10', 6)).toBe('2024-11-10');
      expect(addMonths('2024-11-10', 4)).toBe('2025-03-10');
    });
    it("uses the month's last day when the day does not exist", () => {
      expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
      expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
      expect(addMonths('2024-08-31', 1)).toBe('2024-09-30');
      expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    });
    it('goes backwards and across years', () => {
      expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
      expect(addMonths('2025-01-15', -2)).toBe('2024-11-15');
      expect(addMonths('2024-12-15', 14)).toBe('2026-02-15');
    });
  });

  it('counts days between', () => {
    expect(daysBetween('2024-05-10', '2024-05-10')).toBe(0);
    expect(daysBetween('2024-05-10', '2024-05-11')).toBe(1);
    expect(daysBetween('2024-05-11', '2024-05-10')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
  });

  describe('ageInYearsOn', () => {
    it('counts completed years', () => {
      expect(ageInYearsOn('2019-03-02', '2024-05-10')).toBe(5);
      expect(ageInYearsOn('2019-03-02', '2023-03-01')).toBe(3);
      expect(ageInYearsOn('2019-03-02', '2023-03-02')).toBe(4);
      expect(ageInYearsOn('2019-03-02', '2019-03-02')).toBe(0);
    });
    it('makes a 29 February baby a year older on 1 March in common years', () => {
      expect(ageInYearsOn('2020-02-29', '2021-02-28')).toBe(0);
      expect(ageInYearsOn('2020-02-29', '2021-03-01')).toBe(1);
      expect(ageInYearsOn('2020-02-29', '2024-02-29')).toBe(4);
    });
    it('is negative before birth', () => {
      expect(ageInYearsOn('2019-03-02', '2019-03-01')).toBe(-1);
    });
  });

  describe('isValidInstant', () => {
    it('rejects instants without a zone or with impossible dates', () => {
      expect(isValidInstant('2024-05-10T09:30:00')).toBe(false);
      expect(isValidInstant('2025-02-30T09:30:00Z')).toBe(false);
      expect(isValidInstant('2024-05-10')).toBe(false);
    });
    it('answers each instant for itself when the same one is asked again and again (it remembers the last)', () => {
      expect(isValidInstant('2025-03-30T23:30:00-01:00')).toBe(true);
      expect(isValidInstant('2025-03-30T23:30:00-01:00')).toBe(true);
      expect(isValidInstant('2025-03-30T23:30:00')).toBe(false);
      expect(isValidInstant('2025-02-30T09:30:00Z')).toBe(false);
      expect(isValidInstant('2024-05-10T09:30:00Z')).toBe(true);
    });
  });
});

describe('calendar dates: early years', () => {
  it('does not read years below 100 as 19xx', () => {
    expect(addDays('0050-12-31', 1)).toBe('0051-01-01');
  });
});
