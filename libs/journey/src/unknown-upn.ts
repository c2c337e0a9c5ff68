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

/**
 * The unknown-UPN codes in words, for the registration form's hint and the UN1 refusal. National
 * definitions (Header: "Unknown-UPN codes UN1–UN5 [V rule 168]") do not give their meanings; we know
 * UN1's from validator rule 209 (no UPN yet, not of school age) and that rule 210 refuses UN4 for an
 * episode starting on or after 24 March. UN2–UN5 are not guessed: the worker asks the 903 lead.
 */
export const UNKNOWN_UPN_IN_WORDS =
  'UN1 if the child is not of school age and has no UPN yet (903 rule 209); UN2–UN5 only as your ' +
  '903 lead directs: their meanings are not yet confirmed here (rule 210 refuses UN4 for an episode ' +
  'starting on or after 24 March)';
