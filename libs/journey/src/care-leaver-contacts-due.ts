/**
 * The 17th–21st birthdays a care leaver contact (903 OC3) is due for: one rule for the child's page
 * (which offers the contact form) and the authority-wide list the leaving care team works from
 * (libs/reporting care-leavers). Who is a care leaver at each birthday is outcome-rules.ts's.
 */
import type { CalendarDate } from './events';
import {
  birthdayAt,
  careLeaverBirthdayNear,
  CARE_LEAVER_AGES,
  notACareLeaverAt,
  type CareHistory,
  type CareLeaverBirthday,
} from './outcome-rules';

/**
 * The birthdays a contact can report on by `today` (from three months before each) at which the
 * child is a care leaver the 903 asks about, with no contact recorded for them yet (`contactDates`:
 * the effective dates of the contacts recorded). Earliest first.
 */
export function careLeaverContactsDue(
  history: CareHistory,
  contactDates: readonly CalendarDate[],
  today: CalendarDate,
): CareLeaverBirthday[] {
  const { dateOfBirth } = history;
  if (history.periodsOfCare.length === 0) return [];
  const reported = new Set(contactDates.map((date) => careLeaverBirthdayNear(dateOfBirth, date)?.age));
  return CARE_LEAVER_AGES.map((age) => ({ age, date: birthdayAt(dateOfBirth, age) })).filter(
    (birthday) =>
      // Reportable by today: the birthday has come, or today is already in the window before it.
      (birthday.date <= today || careLeaverBirthdayNear(dateOfBirth, today)?.age === birthday.age) &&
      !reported.has(birthday.age) &&
      notACareLeaverAt(history, birthday.date) === undefined,
  );
}
