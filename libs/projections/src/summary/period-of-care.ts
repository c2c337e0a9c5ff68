/** Starting a period of care and its placement runs; the other folds build on these. */
import type { CalendarDate, PlacementDetails } from '@care-journey/journey';
import type { PeriodOfCare, PlacementRun } from './journey-summary';

export function newPeriod(
  start: CalendarDate,
  eventId: string,
  legalStatus: string,
  categoryOfNeed: string,
  placement: PlacementDetails,
): PeriodOfCare {
  return {
    start,
    startEventId: eventId,
    categoryOfNeed,
    legalStatuses: [{ date: start, eventId, code: legalStatus }],
    placements: [newRun(start, eventId, placement.placementType)],
    reviews: [],
    plans: [],
    audits: [],
    adoption: {
      decisions: [],
      reversals: [],
      placementOrders: [],
      consents: [],
      matches: [],
      placements: [],
    },
    missing: [],
  };
}

export const newRun = (start: CalendarDate, eventId: string, placementType: string): PlacementRun => ({
  start,
  startEventId: eventId,
  types: [{ date: start, eventId, placementType }],
  temporaryStays: [],
});

export const currentRun = (period: PeriodOfCare): PlacementRun | undefined => period.placements.at(-1);

/** A move to a new carer: the current run ends the day the new one starts. */
export function startNewRun(
  period: PeriodOfCare,
  date: CalendarDate,
  eventId: string,
  placementType: string,
): void {
  const run = currentRun(period);
  if (run) closeRun(run, date);
  period.placements.push(newRun(date, eventId, placementType));
}

/** Same carer, different placement type (903 RNE T/U): the run continues. */
export function continueRun(
  period: PeriodOfCare,
  date: CalendarDate,
  eventId: string,
  placementType: string,
): void {
  const run = currentRun(period);
  if (!run) {
    period.placements.push(newRun(date, eventId, placementType));
    return;
  }
  closeTemporaryStay(run, date);
  run.types.push({ date, eventId, placementType });
}

export function closeRun(run: PlacementRun, date: CalendarDate): void {
  closeTemporaryStay(run, date);
  run.end ??= date;
}

function closeTemporaryStay(run: PlacementRun, date: CalendarDate): void {
  const stay = run.temporaryStays.at(-1);
  if (stay && stay.end === undefined) stay.end = date;
}
