/** DR01: the first review is due within 20 working days of the start of the period of care. */
import { addWorkingDays } from '../calendar/working-days';
import { carePeriods, closedBy, ids } from './care-periods';
import type { DriftRule } from './drift-rule';

export const DR01: DriftRule = {
  id: 'DR01',
  title: 'First review overdue',
  describe: (c) => `No review within ${c.DR01.workingDays} working days of the start of the period of care`,
  reads: ['period', 'firstReviews'],
  thresholds: (c) => ({ workingDays: c.DR01.workingDays }),
  obligations: (summary, _asAt, config) =>
    carePeriods(summary).map((period) => {
      const review = period.reviews[0];
      return {
        key: period.start,
        from: period.start,
        dueDate: addWorkingDays(period.start, config.DR01.workingDays),
        ...closedBy(review, period),
        evidence: ids(period.startEventId),
      };
    }),
};
