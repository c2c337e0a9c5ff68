/** DR09 (local target): a baby relinquished at birth should have a review within 14 days of birth. */
import { addDays } from '@care-journey/journey';
import { carePeriods, closedBy, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

export const DR09: DriftRule = {
  id: 'DR09',
  title: 'Relinquished baby review',
  describe: (c) => `No review within ${c.DR09.days} days of the baby's birth`,
  reads: ['child', 'period', 'firstReviews'],
  thresholds: (c) => ({ days: c.DR09.days }),
  obligations: (summary, _asAt, config, evidence = true): Obligation[] => {
    const period = carePeriods(summary)[0];
    if (!summary.relinquishedAtBirth || !period || !summary.dateOfBirth) return [];
    return [
      {
        key: period.start,
        from: period.start,
        dueDate: addDays(summary.dateOfBirth, config.DR09.days),
        ...closedBy(period.reviews[0], period),
        evidence: evidence ? ids(summary.registeredEventId, period.startEventId) : NO_EVIDENCE,
      },
    ];
  },
};
