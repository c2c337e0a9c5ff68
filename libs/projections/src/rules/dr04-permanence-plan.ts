/**
 * DR04: a permanence plan must be recorded by the second review: the deadline is the second
 * review's date if it was held in time, otherwise the date it fell due. A plan for adoption counts
 * however it is recorded: a permanence plan, the agency's decision that the child should be placed
 * for adoption, or the court's authority to place (docs/drift-rules.md, "What closes DR04").
 */
import { addMonthsKept } from '../calendar/date-memo';
import { workingCalendar } from '../calendar/working-days';
import type { DatedFact } from '../summary/journey-summary';
import { reviewClockOf, type CarePeriod } from '../summary/periods-off-short-breaks';
import { placementOrderOf } from '../summary/queries';
import { carePeriods, closedBy, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule } from './drift-rule';

/**
 * The first entry that records a plan for permanence: a permanence plan (any route), an adoption
 * decision, or the placement order (or care begun under one, LS E1). A match or a placement for
 * adoption always follows a decision (the journey refuses them without one), so never comes first.
 */
export function firstPermanencePlan(period: CarePeriod): DatedFact | undefined {
  let first: DatedFact | undefined = period.plans[0];
  for (const step of [period.adoption.decisions[0], placementOrderOf(period)])
    if (step !== undefined && (first === undefined || step.date < first.date)) first = step;
  return first;
}

export const DR04: DriftRule = {
  id: 'DR04',
  title: 'No permanence plan by second review',
  describe: (c) =>
    'The second review was held, or fell due, with no permanence plan (or adoption decision or placement order) recorded on or before it' +
    (c.DR04.deadline === 'fixed_from_entry'
      ? ` (due at the latest ${c.DR01.workingDays} working days + ${c.DR02.months} months after entering care, even after a late first review)`
      : ''),
  reads: ['period', 'firstReviews', 'plans', 'adoption'],
  thresholds: (c) => ({
    firstReviewWorkingDays: c.DR01.workingDays,
    secondReviewMonths: c.DR02.months,
    deadline: c.DR04.deadline,
  }),
  obligations: (summary, _asAt, config, evidence = true) =>
    carePeriods(summary).map((period) => {
      const [first, second] = period.reviews;
      const firstDue = workingCalendar(config.extraBankHolidays).addWorkingDays(
        reviewClockOf(period, config.DR01.afterShortBreaks),
        config.DR01.workingDays,
      );
      // Without a first review, the second falls due 3 months after the first should have been; with
      // 'fixed_from_entry', a late first review does not move the deadline either.
      const firstDate = config.DR04.deadline === 'fixed_from_entry' ? firstDue : (first?.date ?? firstDue);
      const secondDue = addMonthsKept(firstDate, config.DR02.months);
      const held = second !== undefined && second.date <= secondDue;
      return {
        key: period.start,
        from: period.start,
        dueDate: held ? second.date : secondDue,
        ...closedBy(firstPermanencePlan(period), period),
        evidence: evidence
          ? ids(period.startEventId, first?.eventId, held ? second.eventId : undefined)
          : NO_EVIDENCE,
      };
    }),
};
