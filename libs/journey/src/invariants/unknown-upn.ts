/**
 * UN1 ("child not of school age, no UPN yet") only for a child not yet of school age (903 rule 209).
 * Checked on the registration's date and on each start of care, the date from which the child is
 * in a 903 return; a correction of the date of birth or the UPN replays both.
 */
import { violation } from '../errors';
import type { CalendarDate } from '../events';
import { isOfSchoolAgeFor209, schoolAgeReferenceDate } from '../unknown-upn';

export function un1OnlyBelowSchoolAge(
  upn: unknown,
  dateOfBirth: CalendarDate,
  date: CalendarDate,
  entry: string,
): void {
  if (upn !== 'UN1' || !isOfSchoolAgeFor209(dateOfBirth, date)) return;
  violation(
    'un1-school-age-903-rule-209',
    `upn UN1 (no UPN, not of school age) is refused for a child of school age (903 validation rule 209): ` +
      `born ${dateOfBirth}, the child was 4 by ${schoolAgeReferenceDate(date)}, the 31 August before the collection year of ${entry} on ${date}. ` +
      "Record the child's UPN; without one, UN2–UN5 only as your 903 lead directs " +
      '(their meanings are not yet confirmed here).',
    'upn',
  );
}
