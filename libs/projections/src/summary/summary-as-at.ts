/**
 * The summary as at date D: only the facts whose effective date is on or before D. A period or
 * placement that ends after D is still open as at D. Rules evaluate this trimmed view, so a
 * flag as at D can never depend on something that happened later.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { DatedFact, JourneySummary, PeriodOfCare, PlacementRun } from './journey-summary';

const upTo =
  (asAt: CalendarDate) =>
  <T extends DatedFact>(facts: T[]): T[] =>
    facts.filter((fact) => fact.date <= asAt);

export function summaryAsAt(summary: JourneySummary, asAt: CalendarDate): JourneySummary {
  return {
    ...summary,
    allocations: upTo(asAt)(summary.allocations),
    periods: summary.periods
      .filter((period) => period.start <= asAt)
      .map((period) => periodAsAt(period, asAt)),
  };
}

function periodAsAt(period: PeriodOfCare, asAt: CalendarDate): PeriodOfCare {
  const keep = upTo(asAt);
  const ended = period.end !== undefined && period.end <= asAt;
  const { adoption } = period;
  return {
    ...period,
    end: ended ? period.end : undefined,
    endReason: ended ? period.endReason : undefined,
    endEventId: ended ? period.endEventId : undefined,
    legalStatuses: keep(period.legalStatuses),
    placements: period.placements.filter((run) => run.start <= asAt).map((run) => runAsAt(run, asAt)),
    reviews: keep(period.reviews),
    plans: keep(period.plans),
    audits: keep(period.audits),
    adoption: {
      decisions: keep(adoption.decisions),
      reversals: keep(adoption.reversals),
      placementOrders: keep(adoption.placementOrders),
      consents: keep(adoption.consents),
      matches: keep(adoption.matches),
      placements: keep(adoption.placements),
      order: adoption.order && adoption.order.date <= asAt ? adoption.order : undefined,
    },
    missing: period.missing
      .filter((spell) => spell.start <= asAt)
      .map((spell) => (spell.end !== undefined && spell.end > asAt ? { ...spell, end: undefined } : spell)),
  };
}

function runAsAt(run: PlacementRun, asAt: CalendarDate): PlacementRun {
  return {
    ...run,
    end: run.end !== undefined && run.end <= asAt ? run.end : undefined,
    types: upTo(asAt)(run.types),
    temporaryStays: run.temporaryStays
      .filter((stay) => stay.start <= asAt)
      .map((stay) => (stay.end !== undefined && stay.end > asAt ? { ...stay, end: undefined } : stay)),
  };
}
