/**
 * DR11: a permanence plan with no step towards it for longer than its route's limit. Each step
 * restarts the clock; achieving the plan ends it; a new plan or leaving care lapses it. A long-term
 * fostering plan is achieved by the long-term match (U1/U4); when that placement breaks down while the
 * plan is in force (a move to another carer, or the same carer under a type that is not U1/U4), the
 * move out starts a new obligation (key `<plan>@<move-out>`), closed by the next long-term placement,
 * as DR07 treats a disrupted adoptive placement (docs/drift-rules.md, "A long-term placement that
 * breaks down").
 */
import type { CalendarDate, PermanenceRoute } from '@care-journey/journey';
import { addMonthsKept } from '../calendar/date-memo';
import type { DatedFact, JourneySummary, PeriodOfCare, PlanFact } from '../summary/journey-summary';
import { placementTypeOn } from '../summary/queries';
import { byDate, carePeriods, ids } from './care-periods';
import type { DriftConfig } from './drift-config';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

const ENDINGS_ACHIEVING: Record<PermanenceRoute, readonly string[]> = {
  return_home: ['E4A'],
  special_guardianship: ['E45', 'E46', 'E47', 'E48'],
  child_arrangements_order: ['E41'],
  adoption: ['E11', 'E12'],
  long_term_fostering: [],
};

const typeFacts = (period: PeriodOfCare, wanted: (type: string) => boolean): DatedFact[] =>
  period.placements.flatMap((run) => run.types).filter((fact) => wanted(fact.placementType));

const NO_STEPS: readonly DatedFact[] = [];

/** Steps towards each route that the journey records. */
function stepsTowards(route: PermanenceRoute, period: PeriodOfCare): readonly DatedFact[] {
  const a = period.adoption;
  switch (route) {
    case 'return_home':
      return byDate([...period.audits, ...typeFacts(period, (type) => type === 'P1')]);
    case 'adoption':
      return byDate([...a.decisions, ...a.placementOrders, ...a.consents, ...a.matches, ...a.placements]);
    default:
      return NO_STEPS;
  }
}

/** When the plan was achieved (it then needs no further steps). */
function achieved(route: PermanenceRoute, period: PeriodOfCare, plan: PlanFact): DatedFact | undefined {
  if (route === 'long_term_fostering') {
    // The long-term match: already with long-term carers when planned, or the move to them.
    if (isLongTerm(placementTypeOn(period, plan.date))) return plan;
    return typeFacts(period, isLongTerm).find((fact) => fact.date > plan.date);
  }
  if (period.end !== undefined && ENDINGS_ACHIEVING[route].includes(period.endReason ?? '')) {
    return { date: period.end, eventId: period.endEventId ?? '' };
  }
  return undefined;
}

const isLongTerm = (type: string | undefined): boolean => type === 'U1' || type === 'U4';

/**
 * The first move out of a long-term placement after `matched`, before `until`: the start of another
 * carer's placement, or a change of type with the same carer to one that is not U1/U4.
 */
export function breakdownAfter(
  period: PeriodOfCare,
  matched: CalendarDate,
  until: DatedFact | undefined,
): DatedFact | undefined {
  for (const run of period.placements) {
    if (run.end !== undefined && run.end <= matched) continue;
    for (let i = 0; i < run.types.length; i++) {
      const fact = run.types[i];
      if (fact.date <= matched) continue;
      if (until !== undefined && fact.date >= until.date) return undefined;
      // The first type of a run is a move to another carer: the long-term placement ended.
      if (i === 0 || !isLongTerm(fact.placementType)) return fact;
    }
  }
  return undefined;
}

/**
 * The first breakdown after `matched`, before `until`, that the same day's placement does not re-match:
 * a move straight to other long-term (U1/U4) carers is no breakdown of the match (nothing opens in
 * DR11 either). Time to permanence asks this (review s16-diff F1).
 */
export function unmatchedBreakdownAfter(
  period: PeriodOfCare,
  matched: CalendarDate,
  until: DatedFact | undefined,
): DatedFact | undefined {
  let out = breakdownAfter(period, matched, until);
  while (out !== undefined && matchFrom(period, out.date)?.date === out.date)
    out = breakdownAfter(period, out.date, until);
  return out;
}

/** The next long-term placement on or after `from` (a move straight to long-term carers re-matches that day). */
function matchFrom(period: PeriodOfCare, from: CalendarDate): DatedFact | undefined {
  return typeFacts(period, isLongTerm).find((fact) => fact.date >= from);
}

/**
 * The obligations that each breakdown of a long-term fostering match opens while the plan is in force:
 * due the route's months after the move out, met by the next long-term placement, lapsed at `until`.
 */
function breakdownObligations(
  period: PeriodOfCare,
  plan: PlanFact,
  matched: DatedFact,
  until: DatedFact | undefined,
  months: number,
  found: Obligation[],
  withEvidence: boolean,
): void {
  const threshold = { route: plan.route, months };
  for (let out = breakdownAfter(period, matched.date, until); out;) {
    const key = `${plan.date}:${plan.route}@${out.date}`;
    const dueDate = addMonthsKept(out.date, months);
    const evidence = withEvidence ? ids(plan.eventId, out.eventId) : NO_EVIDENCE;
    const match = matchFrom(period, out.date);
    if (match && (until === undefined || match.date <= until.date)) {
      found.push({
        key,
        from: out.date,
        dueDate,
        evidence,
        threshold,
        metOn: match.date,
        closingEventId: match.eventId,
      });
      out = breakdownAfter(period, match.date, until);
      continue;
    }
    if (until)
      found.push({
        key,
        from: out.date,
        dueDate,
        evidence,
        threshold,
        lapsedOn: until.date,
        closingEventId: until.eventId,
      });
    else found.push({ key, from: out.date, dueDate, evidence, threshold });
    return;
  }
}

function planObligations(
  period: PeriodOfCare,
  plan: PlanFact,
  next: PlanFact | undefined,
  months: number,
  steps: readonly DatedFact[],
  found: Obligation[],
  withEvidence: boolean,
): void {
  const until: DatedFact | undefined =
    next ?? (period.end ? { date: period.end, eventId: period.endEventId ?? '' } : undefined);
  const done = achieved(plan.route, period, plan);
  const inWindow = (fact: DatedFact): boolean => until === undefined || fact.date <= until.date;
  const finishes = done !== undefined && inWindow(done);
  for (let base: CalendarDate = plan.date, evidence = withEvidence ? ids(plan.eventId) : NO_EVIDENCE; ;) {
    // The first step after `base` among those in the plan's window.
    let step: DatedFact | undefined;
    for (const fact of steps)
      if (inWindow(fact) && fact.date > base) {
        step = fact;
        break;
      }
    const finish = finishes && done.date >= base ? done : undefined;
    const closing = finish && (!step || finish.date <= step.date) ? finish : step;
    const key = `${plan.date}:${plan.route}@${base}`;
    const dueDate = addMonthsKept(base, months);
    const threshold = { route: plan.route, months };
    if (closing)
      found.push({
        key,
        from: base,
        dueDate,
        evidence,
        threshold,
        metOn: closing.date,
        closingEventId: closing.eventId,
      });
    else if (until)
      found.push({
        key,
        from: base,
        dueDate,
        evidence,
        threshold,
        lapsedOn: until.date,
        closingEventId: until.eventId,
      });
    else found.push({ key, from: base, dueDate, evidence, threshold });
    if (closing && closing === finish && plan.route === 'long_term_fostering')
      breakdownObligations(period, plan, finish, until, months, found, withEvidence);
    if (!closing || closing === finish) return;
    base = closing.date;
    evidence = withEvidence ? ids(closing.eventId) : NO_EVIDENCE;
  }
}

function obligations(
  summary: JourneySummary,
  _asAt: CalendarDate,
  config: DriftConfig,
  evidence = true,
): Obligation[] {
  const found: Obligation[] = [];
  for (const period of carePeriods(summary)) {
    // Steps depend on the route and the period only: listed once per route, not per plan.
    let returnHome: readonly DatedFact[] | undefined;
    let adoption: readonly DatedFact[] | undefined;
    const { plans } = period;
    for (let index = 0; index < plans.length; index++) {
      const plan = plans[index];
      const months = config.DR11.months[plan.route];
      if (months === null) continue;
      const steps =
        plan.route === 'return_home'
          ? (returnHome ??= stepsTowards(plan.route, period))
          : plan.route === 'adoption'
            ? (adoption ??= stepsTowards(plan.route, period))
            : NO_STEPS;
      planObligations(period, plan, plans[index + 1], months, steps, found, evidence);
    }
  }
  return found;
}

export const DR11: DriftRule = {
  id: 'DR11',
  title: 'Permanence plan stalled',
  describe: (c) =>
    `A permanence plan with no step towards it for longer than its route's limit (${Object.entries(
      c.DR11.months,
    )
      .filter(([, m]) => m !== null)
      // In words for the panel's page ('return home 6 months'), not the config's keys.
      .map(([route, m]) => `${route.replace(/_/g, ' ')} ${m} months`)
      .join(', ')})`,
  reads: ['period', 'plans', 'audits', 'placements', 'adoption'],
  thresholds: (c) => ({ ...c.DR11.months }),
  obligations,
};
