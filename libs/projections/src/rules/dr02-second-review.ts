/** DR02: the second review is due within 3 months after the first. */
import { addMonthsKept } from '../calendar/date-memo';
import { carePeriods, closedBy, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

export const DR02: DriftRule = {
  id: 'DR02',
  title: 'Second review overdue',
  dueTitle: 'Second review due',
  describe: (c) => `No review within ${c.DR02.months} months after the first review`,
  reads: ['period', 'firstReviews'],
  thresholds: (c) => ({ months: c.DR02.months }),
  obligations: (summary, _asAt, config, evidence = true) => {
    const found: Obligation[] = [];
    for (const period of carePeriods(summary)) {
      const [first, second] = period.reviews;
      if (!first) continue;
      found.push({
        key: period.start,
        from: first.date,
        dueDate: addMonthsKept(first.date, config.DR02.months),
        ...closedBy(second, period),
        evidence: evidence ? ids(period.startEventId, first.eventId) : NO_EVIDENCE,
      });
    }
    return found;
  },
};
