/** Shared helpers for drift rules: which periods count, and finding the next step. */
import type { CalendarDate } from '@care-journey/journey';
import type { DatedFact, JourneySummary, PeriodOfCare } from '../summary/journey-summary';
import { periodsOffShortBreaks, type CarePeriod } from '../summary/periods-off-short-breaks';

/**
 * Periods of care a drift rule looks at: short breaks (V3/V4) never count; a period that started
 * on short breaks counts from the day the child became looked after otherwise (its spells off them).
 */
export const carePeriods = (summary: JourneySummary): readonly CarePeriod[] => periodsOffShortBreaks(summary);

export const firstOnOrAfter = <T extends DatedFact>(facts: readonly T[], date: CalendarDate): T | undefined =>
  facts.find((fact) => fact.date >= date);

export const firstAfter = <T extends DatedFact>(facts: readonly T[], date: CalendarDate): T | undefined =>
  facts.find((fact) => fact.date > date);

/** Facts sorted by date (facts are folded in date order already; this guards merged lists). */
export const byDate = <T extends DatedFact>(facts: readonly T[]): T[] =>
  [...facts].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

export function ids(...values: (string | undefined)[]): string[] {
  const found: string[] = [];
  for (const value of values) if (value !== undefined && value !== '') found.push(value);
  return found;
}

/** How an obligation closed: by its step, or by the period ending first; open otherwise. */
export function closedBy(
  step: DatedFact | undefined,
  period: PeriodOfCare,
): { metOn?: CalendarDate; lapsedOn?: CalendarDate; closingEventId?: string } {
  if (step && (period.end === undefined || step.date <= period.end))
    return { metOn: step.date, closingEventId: step.eventId };
  if (period.end !== undefined) return { lapsedOn: period.end, closingEventId: period.endEventId };
  return {};
}

export const present = <T>(...values: (T | undefined)[]): T[] =>
  values.filter((value): value is T => value !== undefined);
