/** Questions asked of a summary on a date: in care? which legal status, placement, allocation? */
import { ageInYearsOn, isAdoptionPlacement, isShortBreak, type CalendarDate } from '@care-journey/journey';
import type {
  AllocationFact,
  DatedFact,
  JourneySummary,
  PeriodOfCare,
  PlacementRun,
} from './journey-summary';
import { periodsOffShortBreaks } from './periods-off-short-breaks';

/** Looked after on D: the period started on or before D and had not ended by D. */
export const isOpenOn = (period: PeriodOfCare, date: CalendarDate): boolean =>
  period.start <= date && (period.end === undefined || period.end > date);

export const periodOn = (summary: JourneySummary, date: CalendarDate): PeriodOfCare | undefined =>
  summary.periods.find((period) => isOpenOn(period, date));

const lastOnOrBefore = <T extends { date: CalendarDate }>(
  facts: readonly T[],
  date: CalendarDate,
): T | undefined => {
  let found: T | undefined;
  for (const fact of facts) if (fact.date <= date) found = fact;
  return found;
};

export const legalStatusOn = (period: PeriodOfCare, date: CalendarDate): string | undefined =>
  lastOnOrBefore(period.legalStatuses, date)?.code;

export const allocationOn = (summary: JourneySummary, date: CalendarDate): AllocationFact | undefined =>
  lastOnOrBefore(summary.allocations, date);

export const runOn = (period: PeriodOfCare, date: CalendarDate): PlacementRun | undefined =>
  period.placements.find((run) => run.start <= date && (run.end === undefined || run.end > date));

/** The usual placement type on D (a temporary stay does not change it). */
export const placementTypeOn = (period: PeriodOfCare, date: CalendarDate): string | undefined => {
  const run = runOn(period, date);
  return run ? lastOnOrBefore(run.types, date)?.placementType : undefined;
};

/**
 * Short breaks (V3/V4) are excluded from every stability figure and drift rule. A short-break
 * period is one on short breaks throughout; one that went on under another legal status counts
 * from then (periods-off-short-breaks.ts).
 */
export const isShortBreakPeriod = (period: PeriodOfCare): boolean =>
  period.legalStatuses.length > 0 && period.legalStatuses.every((status) => isShortBreak(status.code));

/** On short breaks on D: the legal status in force is V3/V4. */
export const onShortBreaksOn = (period: PeriodOfCare, date: CalendarDate): boolean =>
  isShortBreak(legalStatusOn(period, date));

/**
 * Counted placements in effect at some point in [from, to], across every period of care off short
 * breaks: the one already running on `from` counts, as does each new carer.
 */
export function placementsDuring(
  summary: JourneySummary,
  from: CalendarDate,
  to: CalendarDate,
): PlacementRun[] {
  const runs = periodsOffShortBreaks(summary)
    .flatMap((period) => period.placements)
    .filter((run) => run.start <= to && (run.end === undefined || run.end > from));
  // A run can be in two parts of one period (short breaks between them, same carer): count it once.
  return runs.length > 1
    ? runs.filter((run, i) => runs.findIndex((r) => r.startEventId === run.startEventId) === i)
    : runs;
}

/** Placed for adoption (A3–A6) on D. */
export const isPlacedForAdoptionOn = (period: PeriodOfCare, date: CalendarDate): boolean =>
  isAdoptionPlacement(placementTypeOn(period, date));

export const currentPlan = (period: PeriodOfCare, date: CalendarDate) => lastOnOrBefore(period.plans, date);

/**
 * "Permanent placement" (rule book): placed for adoption (A3–A6), long-term fostering (U1/U4)
 * confirmed as the permanence plan, or placed with parents (P1) under a reunification plan.
 */
export function isInPermanentPlacement(period: PeriodOfCare, date: CalendarDate): boolean {
  const type = placementTypeOn(period, date);
  if (isAdoptionPlacement(type)) return true;
  const route = currentPlan(period, date)?.route;
  if (isLongTermFostering(type, route)) return true;
  return type === 'P1' && route === 'return_home';
}

/** Long-term fostering confirmed: a U1/U4 placement with long-term fostering as the plan in force. */
const isLongTermFostering = (type: string | undefined, route: string | undefined): boolean =>
  (type === 'U1' || type === 'U4') && route === 'long_term_fostering';

/**
 * In long-term fostering confirmed on D (rule book "Permanent placement", time to permanence's
 * milestone): the placement meant to last until the child is 18 (DR14's 3-monthly visits).
 */
export const isInLongTermFosteringOn = (period: PeriodOfCare, date: CalendarDate): boolean =>
  isLongTermFostering(placementTypeOn(period, date), currentPlan(period, date)?.route);

export const ageOn = (summary: JourneySummary, date: CalendarDate): number | undefined =>
  summary.dateOfBirth ? ageInYearsOn(summary.dateOfBirth, date) : undefined;

export const AGE_BANDS = ['under1', '1-4', '5-9', '10-15', '16+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The DfE age bands of the national statistics. */
export function ageBandOn(summary: JourneySummary, date: CalendarDate): AgeBand | undefined {
  const age = ageOn(summary, date);
  if (age === undefined) return undefined;
  if (age < 1) return 'under1';
  if (age <= 4) return '1-4';
  if (age <= 9) return '5-9';
  if (age <= 15) return '10-15';
  return '16+';
}

/**
 * Court authority to place in a period: its start when care began under a placement order (LS E1: a
 * transfer in, or care begun before the earliest imported return; national definitions §2, "A2 start =
 * first DECOM with LS E1", and libs/journey placementOrderSince), else its first placement order.
 */
export function placementOrderOf(period: PeriodOfCare): DatedFact | undefined {
  const first = period.legalStatuses[0];
  if (first?.code === 'E1' && first.date === period.start) return first;
  return period.adoption.placementOrders[0];
}
