import {
  careLeaverContactsDue,
  lookedAfterAllYear,
  type CalendarDate,
  type CareLeaverBirthday,
  type JourneyState,
  type StoredJourneyEvent,
} from '@care-journey/journey';

/**
 * Which 903 outcomes the child's page may offer, by the domain's own rules (libs/journey
 * outcome-rules: who is in the OC2 and OC3 cohorts); the journey still decides each entry.
 * `resolved` are the child's entries after corrections (withdrawn ones gone).
 */

/**
 * The 31 March year ends, up to today, for which the child was looked after all year (OC2) and no
 * health outcomes are recorded yet; latest first.
 */
export function healthOutcomeYearsDue(
  state: JourneyState,
  resolved: readonly StoredJourneyEvent[],
  today: CalendarDate,
): CalendarDate[] {
  const first = state.periodsOfCare[0]?.startDate;
  if (!first) return [];
  const recorded = new Set(
    resolved.filter((e) => e.type === 'AnnualHealthOutcomesRecorded').map((e) => e.data.effectiveDate),
  );
  const years: CalendarDate[] = [];
  for (let year = Number(today.slice(0, 4)); year > Number(first.slice(0, 4)); year -= 1) {
    const yearEnd = `${year}-03-31`;
    if (yearEnd > today || recorded.has(yearEnd)) continue;
    if (lookedAfterAllYear(state, yearEnd)) years.push(yearEnd);
  }
  return years;
}

/**
 * The 17th–21st birthdays a care leaver contact (OC3) can report on by today with no contact
 * recorded yet (the domain's careLeaverContactsDue, as the authority-wide list uses it).
 */
export function careLeaverBirthdaysDue(
  state: JourneyState,
  resolved: readonly StoredJourneyEvent[],
  today: CalendarDate,
): CareLeaverBirthday[] {
  const dateOfBirth = state.child?.dateOfBirth;
  if (!dateOfBirth) return [];
  const contactDates = resolved
    .filter((e) => e.type === 'CareLeaverContactRecorded')
    .map((e) => e.data.effectiveDate);
  const history = { dateOfBirth, periodsOfCare: state.periodsOfCare, legalStatuses: state.legalStatuses };
  return careLeaverContactsDue(history, contactDates, today);
}
