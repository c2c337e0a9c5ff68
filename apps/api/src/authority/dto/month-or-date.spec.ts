import { firstDayOf, isMonthOrCalendarDate, lastDayOf } from './month-or-date';

describe('a month or a day for the measures windows', () => {
  it('reads a month as from its first day to its last, leap years included', () => {
    expect([firstDayOf('2024-02'), lastDayOf('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect([firstDayOf('2023-02'), lastDayOf('2023-02')]).toEqual(['2023-02-01', '2023-02-28']);
    expect(lastDayOf('2025-04')).toBe('2025-04-30');
    expect(lastDayOf('2025-12')).toBe('2025-12-31');
  });

  it('keeps a day as that day', () => {
    expect([firstDayOf('2024-02-10'), lastDayOf('2024-02-10')]).toEqual(['2024-02-10', '2024-02-10']);
  });

  it.each(['2024-02', '2024-02-29', '2025-12-31'])('accepts %s', (value) => {
    expect(isMonthOrCalendarDate(value)).toBe(true);
  });

  it.each(['2024-13', '2024-00', '2024-2', '2023-02-29', '2024-02-30', '202402', '2024-02-1', '', 5])(
    'refuses %p',
    (value) => {
      expect(isMonthOrCalendarDate(value)).toBe(false);
    },
  );
});
