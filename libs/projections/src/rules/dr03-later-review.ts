/** DR03: after the second review, each review is due within 6 months of the previous one. */
import { addMonthsKept } from '../calendar/date-memo';
import { carePeriods } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

export const DR03: DriftRule = {
  id: 'DR03',
  title: 'Review overdue',
  dueTitle: 'Review due',
  describe: (c) => `No review within ${c.DR03.months} months after the previous review`,
  reads: ['period', 'reviews'],
  thresholds: (c) => ({ months: c.DR03.months }),
  obligations: (summary, _asAt, config, withEvidence = true) => {
    const found: Obligation[] = [];
    for (const period of carePeriods(summary)) {
      const { reviews } = period;
      // Review k (k >= 2, index 1 on) sets the deadline for review k+1.
      for (let index = 1; index < reviews.length; index++) {
        const previous = reviews[index];
        const key = `${period.start}#${index + 1}`;
        const dueDate = addMonthsKept(previous.date, config.DR03.months);
        const evidence = !withEvidence ? NO_EVIDENCE : previous.eventId ? [previous.eventId] : [];
        const step = reviews[index + 1];
        // closedBy: the next review while the period lasts, else the period's end.
        if (step && (period.end === undefined || step.date <= period.end))
          found.push({
            key,
            from: previous.date,
            dueDate,
            metOn: step.date,
            closingEventId: step.eventId,
            evidence,
          });
        else if (period.end !== undefined)
          found.push({
            key,
            from: previous.date,
            dueDate,
            lapsedOn: period.end,
            closingEventId: period.endEventId,
            evidence,
          });
        else found.push({ key, from: previous.date, dueDate, evidence });
      }
    }
    return found;
  },
};
