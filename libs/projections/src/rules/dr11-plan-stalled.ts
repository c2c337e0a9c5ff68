/**
 * DR11: a permanence plan with no step towards it for longer than its route's limit. Each step
 * restarts the clock; achieving the plan ends it; a new plan or leaving care lapses it.
 */
import { addMonths, type CalendarDate, type PermanenceRoute } from '@care-journey/journey';
import type { DatedFact, PeriodOfCare, PlanFact } from '../summary/journey-summary';
import { placementTypeOn } from '../summary/queries';
import { byDate, carePeriods, ids } from './care-periods';
import type { DriftRule, Obligation } from './drift-rule';

const ENDINGS_ACHIEVING: Record<PermanenceRoute, readonly string[]> = {
  return_home: ['E4A'],
  special_guardianship: ['E45', 'E46', 'E47', 'E48'],
  child_arrangements_order: ['E41'],
  adoption: ['E11', 'E12'],
  long_term_fostering: [],
};

const typeFacts = (period: PeriodOfCare, wanted: (type: string) => boolean): DatedFact[] =>
  period.placements.flatMap((run) => run.types).filter((fact) => wanted(fact.placementType));

/** Steps towards each route that the journey records. */
function stepsTowards(route: PermanenceRoute, period: PeriodOfCare): DatedFact[] {
  const a = period.adoption;
  switch (route) {
    case 'return_home':
      return byDate([...period.audits, ...typeFacts(period, (type) => type === 'P1')]);
    case 'adoption':
      return byDate([...a.decisions, ...a.placementOrders, ...a.consents, ...a.matches, ...a.placements]);
    default:
      return [];
  }
}

/** When the plan was achieved (it then needs no further steps). */
function achieved(route: PermanenceRoute, period: PeriodOfCare, plan: PlanFact): DatedFact | undefined {
  if (route === 'long_term_fostering') {
    // The long-term match: already with long-term carers when planned, or the move to them.
    const isLongTerm = (type: string | undefined): boolean => type === 'U1' || type === 'U4';
    if (isLongTerm(placementTypeOn(period, plan.date))) return plan;
    return typeFacts(period, isLongTerm).find((fact) => fact.date > plan.date);
  }
  if (period.end !== undefined && ENDINGS_ACHIEVING[route].includes(period.endReason ?? '')) {
    return { date: period.end, eventId: period.endEventId ?? '' };
  }
  return undefined;
}

function planObligations(
  period: PeriodOfCare,
  plan: PlanFact,
  next: PlanFact | undefined,
  months: number,
): Obligation[] {
  const until: DatedFact | undefined =
    next ?? (period.end ? { date: period.end, eventId: period.endEventId ?? '' } : undefined);
  const done = achieved(plan.route, period, plan);
  const inWindow = (fact: DatedFact): boolean => until === undefined || fact.date <= until.date;
  const steps = stepsTowards(plan.route, period).filter(inWindow);
  const found: Obligation[] = [];
  for (let base: CalendarDate = plan.date, evidence = ids(plan.eventId); ;) {
    const step = steps.find((fact) => fact.date > base);
    const finish = done && inWindow(done) && done.date >= base ? done : undefined;
    const closing = finish && (!step || finish.date <= step.date) ? finish : step;
    const obligation: Obligation = {
      key: `${plan.date}:${plan.route}@${base}`,
      from: base,
      dueDate: addMonths(base, months),
      evidence,
      threshold: { route: plan.route, months },
    };
    if (closing) found.push({ ...obligation, metOn: closing.date, closingEventId: closing.eventId });
    else
      found.push(until ? { ...obligation, lapsedOn: until.date, closingEventId: until.eventId } : obligation);
    if (!closing || closing === finish) return found;
    base = closing.date;
    evidence = ids(closing.eventId);
  }
}

export const DR11: DriftRule = {
  id: 'DR11',
  title: 'Permanence plan stalled',
  describe: (c) =>
    `A permanence plan with no step towards it for longer than its route's limit (months: ${Object.entries(
      c.DR11.months,
    )
      .filter(([, m]) => m !== null)
      .map(([route, m]) => `${route} ${m}`)
      .join(', ')})`,
  reads: ['period', 'plans', 'audits', 'placements', 'adoption'],
  thresholds: (c) => ({ ...c.DR11.months }),
  obligations: (summary, _asAt, config) =>
    carePeriods(summary).flatMap((period) =>
      period.plans.flatMap((plan, index) => {
        const months = config.DR11.months[plan.route];
        return months === null ? [] : planObligations(period, plan, period.plans[index + 1], months);
      }),
    ),
};
