/** Questions the rules ask of the state, as at a date. */
import { ageInYearsOn } from './calendar-date';
import type { CalendarDate } from './events';
import { eventRecords } from './fold/journey-log';
import { isCorrection } from './resolve-corrections';
import type { JourneyState, LegalStatusSpell, PeriodOfCare } from './state';

const covers = (start: CalendarDate, end: CalendarDate | undefined, date: CalendarDate): boolean =>
  start <= date && (end === undefined || date <= end);

/** The last spell in the list that covers the date (a reversed copy's first, without the copy). */
function lastCovering<T extends { startDate: CalendarDate; endDate?: CalendarDate }>(
  spells: readonly T[],
  date: CalendarDate,
): T | undefined {
  for (let i = spells.length - 1; i >= 0; i--)
    if (covers(spells[i].startDate, spells[i].endDate, date)) return spells[i];
  return undefined;
}

/** The period of care the date falls in (its end day included). */
export const periodOfCareOn = (state: JourneyState, date: CalendarDate): PeriodOfCare | undefined =>
  lastCovering(state.periodsOfCare, date);

/** The legal status on a date: on a change day, the new one. */
export const legalStatusOn = (state: JourneyState, date: CalendarDate): LegalStatusSpell | undefined =>
  lastCovering(state.legalStatuses, date);

export const currentLegalStatus = (state: JourneyState): LegalStatusSpell | undefined => {
  const last = state.legalStatuses[state.legalStatuses.length - 1];
  return last && last.endDate === undefined ? last : undefined;
};

export const ageOn = (state: JourneyState, date: CalendarDate): number | undefined =>
  state.child ? ageInYearsOn(state.child.dateOfBirth, date) : undefined;

// A care leaver contact comes after care ended, so it never bounds the end of a period.
const EVENTS_OUTSIDE_CARE = new Set(['ChildRegistered', 'AllocationChanged', 'CareLeaverContactRecorded']);

/** Latest effective date of a live entry in the open period of care (for the end-of-care check). */
export function lastEventDateInCurrentPeriod(state: JourneyState): CalendarDate | undefined {
  const start = state.currentPeriodOfCare?.startDate;
  if (start === undefined) return undefined;
  let latest: CalendarDate | undefined;
  for (const [, record] of eventRecords(state)) {
    if (record.retracted || isCorrection(record) || EVENTS_OUTSIDE_CARE.has(record.type)) continue;
    if (record.effectiveDate >= start && (latest === undefined || record.effectiveDate > latest))
      latest = record.effectiveDate;
  }
  return latest;
}
