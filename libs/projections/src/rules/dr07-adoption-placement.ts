/**
 * DR07 (scorecard A1/A10): with a plan or decision for adoption, the child should move in with
 * the adoptive family within 426 days of entering care (a local 365 can be configured). When the
 * foster carer adopts, the step is the start of the placement with that carer.
 */
import type { CalendarDate } from '@care-journey/journey';
import { addDaysKept } from '../calendar/date-memo';
import type { DatedFact, PeriodOfCare } from '../summary/journey-summary';
import { runOn } from '../summary/queries';
import { byDate, carePeriods, closedBy, firstAfter, ids, present } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

/** The date that counts as moving in: the adoptive placement, or the adopting carer's placement start. */
export function adoptiveMoveIn(period: PeriodOfCare): DatedFact | undefined {
  const placed = period.adoption.placements[0];
  if (!placed) return undefined;
  if (!placed.sameCarer) return placed;
  const run = runOn(period, placed.date);
  return run ? { date: run.start, eventId: run.startEventId } : placed;
}

/** The adoption plan stops applying when the decision is reversed or another route is planned. */
function adoptionAbandoned(period: PeriodOfCare, after: CalendarDate): DatedFact | undefined {
  const otherPlan = period.plans.find((plan) => plan.date > after && plan.route !== 'adoption');
  const reversal = firstAfter(period.adoption.reversals, after);
  return byDate(present<DatedFact>(otherPlan, reversal))[0];
}

export const DR07: DriftRule = {
  id: 'DR07',
  title: 'Adoption placement delay',
  describe: (c) =>
    `Plan or decision for adoption, and no move-in with the adoptive family within ${c.DR07.days} days of entering care`,
  reads: ['period', 'plans', 'adoption', 'placements'],
  thresholds: (c) => ({ days: c.DR07.days }),
  obligations: (summary, _asAt, config, evidence = true) =>
    carePeriods(summary).flatMap((period): Obligation[] => {
      const plan = period.plans.find((p) => p.route === 'adoption');
      const trigger = byDate(present<DatedFact>(plan, period.adoption.decisions[0]))[0];
      if (!trigger) return [];
      const moveIn = adoptiveMoveIn(period);
      const abandoned = adoptionAbandoned(period, trigger.date);
      const close =
        abandoned && (!moveIn || abandoned.date < moveIn.date)
          ? { lapsedOn: abandoned.date, closingEventId: abandoned.eventId }
          : closedBy(moveIn, period);
      return [
        {
          key: period.start,
          from: trigger.date,
          dueDate: addDaysKept(period.start, config.DR07.days),
          ...close,
          evidence: evidence ? ids(period.startEventId, trigger.eventId) : NO_EVIDENCE,
        },
      ];
    }),
};
