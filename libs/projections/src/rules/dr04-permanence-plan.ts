/**
 * DR04: a permanence plan must be recorded by the second review: the deadline is the second
 * review's date if it was held in time, otherwise the date it fell due.
 */
import { addMonthsKept } from '../calendar/date-memo';
import { addWorkingDays } from '../calendar/working-days';
import { reviewClockOf } from '../summary/periods-off-short-breaks';
import { carePeriods, closedBy, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule } from './drift-rule';

export const DR04: DriftRule = {
  id: 'DR04',
  title: 'No permanence plan by second review',
  describe: () => 'The second review was held, or fell due, with no permanence plan recorded on or before it',
  reads: ['period', 'firstReviews', 'plans'],
  thresholds: (c) => ({ firstReviewWorkingDays: c.DR01.workingDays, secondReviewMonths: c.DR02.months }),
  obligations: (summary, _asAt, config, evidence = true) =>
    carePeriods(summary).map((period) => {
      const [first, second] = period.reviews;
      // Without a first review, the second falls due 3 months after the first should have been.
      const firstDate =
        first?.date ??
        addWorkingDays(reviewClockOf(period, config.DR01.afterShortBreaks), config.DR01.workingDays);
      const secondDue = addMonthsKept(firstDate, config.DR02.months);
      const held = second !== undefined && second.date <= secondDue;
      return {
        key: period.start,
        from: period.start,
        dueDate: held ? second.date : secondDue,
        ...closedBy(period.plans[0], period),
        evidence: evidence
          ? ids(period.startEventId, first?.eventId, held ? second.eventId : undefined)
          : NO_EVIDENCE,
      };
    }),
};
