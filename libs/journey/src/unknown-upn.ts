/**
 * DfE 903 validation rule 209: UN1 ("no UPN yet") is wrong for a child of school age, which the
 * validator tests as "4 or older on 31 August before the collection year" (for 2025/26, which
 * starts on 1 April 2025: born on or before 31 August 2020). Shared by the domain's refusal and the
 * 903 self-check so both ask the same question.
 */
import { addMonths, parseCalendarDate } from './calendar-date';
import type { CalendarDate } from './events';

/** The 31 August before the collection year (1 April – 31 March) that `date` falls in. */
export function schoolAgeReferenceDate(date: CalendarDate): CalendarDate {
  const { year, month } = parseCalendarDate(date);
  const collectionStartYear = month >= 4 ? year : year - 1;
  return `${collectionStartYear - 1}-08-31`;
}

/** Rule 209's school age: 4 by the 31 August before the collection year of `date`. */
export const isOfSchoolAgeFor209 = (dateOfBirth: CalendarDate, date: CalendarDate): boolean =>
  addMonths(dateOfBirth, 48) <= schoolAgeReferenceDate(date);
