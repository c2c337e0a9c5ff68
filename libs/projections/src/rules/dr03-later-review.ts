/** DR03: after the second review, each review is due within 6 months of the previous one. */
import { addMonths } from '@care-journey/journey';
import { carePeriods, closedBy, ids } from './care-periods';
import type { DriftRule, Obligation } from './drift-rule';

export const DR03: DriftRule = {
  id: 'DR03',
  title: 'Review overdue',
  describe: (c) => `No review within ${c.DR03.months} months after the previous review`,
  reads: ['period', 'reviews'],
  thresholds: (c) => ({ months: c.DR03.months }),
  obligations: (summary, _asAt, config) =>
    carePeriods(summary).flatMap((period): Obligation[] =>
      // Review k (k >= 2, index 1 on) sets the deadline for review k+1.
      period.reviews.slice(1).map((previous, index) => ({
        key: `${period.start}#${index + 2}`,
        from: previous.date,
        dueDate: addMonths(previous.date, config.DR03.months),
        ...closedBy(period.reviews[index + 2], period),
        evidence: ids(previous.eventId),
      })),
    ),
};
