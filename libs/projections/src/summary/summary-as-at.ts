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

const allUpTo = (facts: readonly { date: CalendarDate }[], asAt: CalendarDate): boolean => {
  for (const fact of facts) if (fact.date > asAt) return false;
  return true;
};

const upToOrOpen = (start: CalendarDate, end: CalendarDate | undefined, asAt: CalendarDate): boolean =>
  start <= asAt && (end === undefined || end <= asAt);

/** Nothing in the period is dated after D: trimming it would copy it unchanged. */
function periodUpTo(period: PeriodOfCare, asAt: CalendarDate): boolean {
  const { adoption } = period;
  return (
    upToOrOpen(period.start, period.end, asAt) &&
    allUpTo(period.legalStatuses, asAt) &&
    period.placements.every(
      (run) =>
        upToOrOpen(run.start, run.end, asAt) &&
        allUpTo(run.types, asAt) &&
        run.temporaryStays.every((stay) => upToOrOpen(stay.start, stay.end, asAt)),
    ) &&
    allUpTo(period.reviews, asAt) &&
    allUpTo(period.plans, asAt) &&
    allUpTo(period.audits, asAt) &&
    (period.visits === undefined || allUpTo(period.visits, asAt)) &&
    allUpTo(adoption.decisions, asAt) &&
    allUpTo(adoption.reversals, asAt) &&
    allUpTo(adoption.placementOrders, asAt) &&
    allUpTo(adoption.consents, asAt) &&
    allUpTo(adoption.matches, asAt) &&
    allUpTo(adoption.placements, asAt) &&
    (adoption.order === undefined || adoption.order.date <= asAt) &&
    period.missing.every((spell) => upToOrOpen(spell.start, spell.end, asAt))
  );
}

const later = (a: CalendarDate, b: CalendarDate | undefined): CalendarDate =>
  b !== undefined && b > a ? b : a;

function latestOf(latest: CalendarDate, facts: readonly { date: CalendarDate }[]): CalendarDate {
  for (const fact of facts) if (fact.date > latest) latest = fact.date;
  return latest;
}

/**
 * The latest date anywhere summaryAsAt looks ('' when none): nothing in the summary is dated
 * after D exactly when this is on or before D, and summaryAsAt(summary, D) is then the summary.
 * The feed keeps it from one event to the next (PerEventFold.latestDate) instead of scanning the
 * whole summary after every event.
 */
export function latestDateIn(summary: JourneySummary): CalendarDate {
  let latest = latestOf('', summary.allocations);
  for (const period of summary.periods) {
    const { adoption } = period;
    latest = later(later(latest, period.start), period.end);
    latest = latestOf(latest, period.legalStatuses);
    for (const run of period.placements) {
      latest = latestOf(later(later(latest, run.start), run.end), run.types);
      for (const stay of run.temporaryStays) latest = later(later(latest, stay.start), stay.end);
    }
    latest = latestOf(latestOf(latestOf(latest, period.reviews), period.plans), period.audits);
    if (period.visits !== undefined) latest = latestOf(latest, period.visits);
    latest = latestOf(latestOf(latest, adoption.decisions), adoption.reversals);
    latest = latestOf(latestOf(latest, adoption.placementOrders), adoption.consents);
    latest = latestOf(latestOf(latest, adoption.matches), adoption.placements);
    latest = later(latest, adoption.order?.date);
    for (const spell of period.missing) latest = later(later(latest, spell.start), spell.end);
  }
  return latest;
}

/**
 * The summary as at D. When nothing is dated after D (the drift report on today, the feed's
 * clock) it is the summary itself, not a copy: rules only read it, and the copy was most of the
 * cost of evaluating a child.
 */
export function summaryAsAt(summary: JourneySummary, asAt: CalendarDate): JourneySummary {
  if (allUpTo(summary.allocations, asAt) && summary.periods.every((period) => periodUpTo(period, asAt)))
    return summary;
  return {
    ...summary,
    allocations: upTo(asAt)(summary.allocations),
    periods: summary.periods
      .filter((period) => period.start <= asAt)
      .map((period) => (periodUpTo(period, asAt) ? period : periodAsAt(period, asAt))),
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
    ...(period.visits !== undefined && { visits: keep(period.visits) }),
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
