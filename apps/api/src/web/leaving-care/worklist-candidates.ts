import {
  addMonths,
  birthdayAt,
  CARE_LEAVER_AGES,
  CARE_LEAVER_CONTACT_WINDOW_MONTHS,
  minDate,
  type CalendarDate,
} from '@care-journey/journey';
import type { JourneySummary } from '@care-journey/projections';

/**
 * Whether a child's summary leaves room for a row on the worklist for `asAt`: care has ended at
 * least once (no one else is a care leaver), and a 17th–21st birthday falls where a listed contact's
 * can, from `missedSince` (missed ones) or the window before `asAt` (due ones) to the window after
 * it, widened by a month either side. A wider net than the rule, never a narrower one: only these
 * children's records are read, and the domain's rule (careLeaverContactsDueOn) decides each row.
 */
export function mayHaveContactListed(
  summary: Pick<JourneySummary, 'dateOfBirth' | 'periods'>,
  asAt: CalendarDate,
  missedSince: CalendarDate,
): boolean {
  const { dateOfBirth } = summary;
  if (dateOfBirth === undefined || !summary.periods.some((period) => period.end !== undefined)) return false;
  const reach = CARE_LEAVER_CONTACT_WINDOW_MONTHS + 1;
  const from = minDate(missedSince, addMonths(asAt, -reach));
  const to = addMonths(asAt, reach);
  return CARE_LEAVER_AGES.some((age) => {
    const birthday = birthdayAt(dateOfBirth, age);
    return birthday >= from && birthday <= to;
  });
}
