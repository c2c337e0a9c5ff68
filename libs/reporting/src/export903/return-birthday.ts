/**
 * Birthdays in the 903 return: one rule for every age the export writes or the self-check tests.
 *
 * The return is judged by the DfE validator, and every one of its age rules (205B, 304, 352, 359,
 * 386, 407, 460, 1001, 1016, the OC2/OC3 ages…) takes the Nth birthday as `DOB + DateOffset(years=N)`:
 * the same day N years on, or the month's last day when that day does not exist. For a child born
 * on 29 February that is 28 February in a common year. English law has the child reach the age on
 * 1 March in a common year, and the journey decides what may be recorded by that
 * (`eighteenthBirthday`, `ageInYearsOn`, libs/journey).
 *
 * So in the return (DUC, the OC3 cohort, the self-check's rule tests) the Nth birthday is the
 * validator's; the two differ only on 28 February of a common year, for a child born on 29 February.
 * A failure that rests on that one day says so (`leapDayNote`), since the child is N-1 in law.
 */
import { addMonths, type CalendarDate } from '@care-journey/journey';
import { toDmy } from './format';

/** The Nth birthday as the return reckons it (the validator's DOB + N years). */
export const birthdayInReturn = (dateOfBirth: CalendarDate, age: number): CalendarDate =>
  addMonths(dateOfBirth, age * 12);

/** The Nth birthday in English law: 1 March in a common year for a child born on 29 February. */
export function birthdayInLaw(dateOfBirth: CalendarDate, age: number): CalendarDate {
  const inReturn = birthdayInReturn(dateOfBirth, age);
  return dateOfBirth.endsWith('-02-29') && inReturn.endsWith('-02-28')
    ? `${inReturn.slice(0, 4)}-03-01`
    : inReturn;
}

/**
 * For a failure found on `date` against the Nth birthday: when the child is not yet N in law on
 * that date (born 29 February, the date is 28 February of a common year), a note naming both
 * birthdays; otherwise ''.
 */
export function leapDayNote(dateOfBirth: CalendarDate, age: number, date: CalendarDate): string {
  const inReturn = birthdayInReturn(dateOfBirth, age);
  const inLaw = birthdayInLaw(dateOfBirth, age);
  if (inLaw === inReturn || date < inReturn || date >= inLaw) return '';
  return `; born 29 February: the validator takes ${toDmy(inReturn)} as the ${ordinal(age)} birthday (DOB + ${age} years), in English law it is ${toDmy(inLaw)}, so the child is ${age - 1} on ${toDmy(date)}`;
}

const ordinal = (n: number): string =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
