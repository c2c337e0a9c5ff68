import type { CalendarDate } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG, driftConfig } from '../rules/drift-config';
import { ENGLAND_CALENDAR, workingCalendar } from './working-days';

/**
 * A council's extra bank holidays (DriftConfig.extraBankHolidays; docs/drift-rules.md, "Bank
 * holidays"): a bank holiday of England and Wales that `date-holidays` does not list yet, counted
 * as England's are.
 */
describe("a council's extra bank holidays", () => {
  it('Given an extra day on Monday 15 June 2026, When 20 working days are counted from Monday 1 June, Then the count ends a working day later', () => {
    expect(ENGLAND_CALENDAR.addWorkingDays('2026-06-01', 20)).toBe('2026-06-29');
    const council = workingCalendar(['2026-06-15']);
    expect(council.addWorkingDays('2026-06-01', 20)).toBe('2026-06-30');
    expect(council.workingDaysBetween('2026-06-01', '2026-06-30')).toBe(20);
  });

  it('Given an extra day, Then it is a bank holiday and no working day for that calendar only', () => {
    const council = workingCalendar(['2026-06-15']);
    expect(council.isBankHoliday('2026-06-15')).toBe(true);
    expect(council.isWorkingDay('2026-06-15')).toBe(false);
    expect(ENGLAND_CALENDAR.isBankHoliday('2026-06-15')).toBe(false);
    expect(ENGLAND_CALENDAR.isWorkingDay('2026-06-15')).toBe(true);
    // England's own days stay holidays beside the council's.
    expect(council.isBankHoliday('2026-12-25')).toBe(true);
  });

  it('Given an extra day outside the interval counted, Then the count is unchanged', () => {
    expect(workingCalendar(['2026-07-15']).addWorkingDays('2026-06-01', 20)).toBe('2026-06-29');
  });

  it('Given the same days in two lists, Then one calendar serves both (its kept results shared); no days is England alone', () => {
    expect(workingCalendar(['2026-06-15'])).toBe(workingCalendar(['2026-06-15']));
    expect(workingCalendar(['2026-06-15'])).not.toBe(workingCalendar(['2026-06-16']));
    expect(workingCalendar([])).toBe(ENGLAND_CALENDAR);
  });

  it("Given a configuration's list, Then it is frozen: a calendar kept by the list cannot go stale under it (review s16-diff F5)", () => {
    const config = driftConfig({ extraBankHolidays: ['2026-06-15'] });
    expect(Object.isFrozen(config.extraBankHolidays)).toBe(true);
    expect(() => (config.extraBankHolidays as CalendarDate[]).push('2026-06-16')).toThrow(TypeError);
    expect(workingCalendar(config.extraBankHolidays).isWorkingDay('2026-06-16')).toBe(true);
    expect(Object.isFrozen(DEFAULT_DRIFT_CONFIG.extraBankHolidays)).toBe(true);
  });
});
