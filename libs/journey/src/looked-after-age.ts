/**
 * Being looked after ends at 18: care ends by then (E17 stayed with carers, E5/E6 independent
 * living, …; E8 "never just for turning 18", national-definitions.md §1.3). One source for the
 * domain's refusals, the drift flag for a child still looked after at 18 and the 903 self-check.
 */
import { addDays, addMonths, ageInYearsOn } from './calendar-date';
import type { CalendarDate } from './events';

export const LOOKED_AFTER_AGE_LIMIT = 18;

/**
 * Each date of birth's 18th birthday, worked out once: every entry about a child asks (decide's
 * looked-after-age rule, the drift rules per event), and the date arithmetic was about a fifth of
 * deciding a review (#9). A pure function of a valid date; a bad one throws and is not kept.
 */
const eighteenthBirthdays = new Map<CalendarDate, CalendarDate>();
const KEEP_BIRTHDAYS = 8_192;

/**
 * The first day the child is 18: the birthday, or 1 March for a 29 February birthday in a common
 * year (ageInYearsOn's rule in England).
 */
export function eighteenthBirthday(dateOfBirth: CalendarDate): CalendarDate {
  const kept = eighteenthBirthdays.get(dateOfBirth);
  if (kept !== undefined) return kept;
  const birthday = addMonths(dateOfBirth, LOOKED_AFTER_AGE_LIMIT * 12);
  const adultFrom =
    ageInYearsOn(dateOfBirth, birthday) >= LOOKED_AFTER_AGE_LIMIT ? birthday : addDays(birthday, 1);
  if (eighteenthBirthdays.size >= KEEP_BIRTHDAYS) eighteenthBirthdays.clear();
  eighteenthBirthdays.set(dateOfBirth, adultFrom);
  return adultFrom;
}

/** True when the child is 18 or over on `date`, so no longer a child who can be looked after. */
export const isAdultOn = (dateOfBirth: CalendarDate, date: CalendarDate): boolean =>
  date >= eighteenthBirthday(dateOfBirth);
