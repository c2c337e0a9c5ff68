/** Date helpers for the generator, on top of the domain's calendar dates. */
import { addDays, addMonths, daysBetween, type CalendarDate } from '@care-journey/journey';

export { addDays, addMonths, daysBetween, type CalendarDate };

export const addYears = (date: CalendarDate, years: number): CalendarDate => addMonths(date, years * 12);

export const minOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a < b ? a : b);
export const maxOf = (a: CalendarDate, b: CalendarDate): CalendarDate => (a > b ? a : b);
