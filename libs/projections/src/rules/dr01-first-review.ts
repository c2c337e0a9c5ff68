/**
 * DR01: the first review is due within 20 working days of the start of the period of care. In a
 * period that started on short breaks, from the day the child became looked after otherwise (or,
 * configured, from the period's start: DR01.afterShortBreaks).
 */
import { workingCalendar } from '../calendar/working-days';
import { reviewClockOf } from '../summary/periods-off-short-breaks';
import { carePeriods, closedBy } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

export const DR01: DriftRule = {
  id: 'DR01',
  title: 'First review overdue',
  dueTitle: 'First review due',
  describe: (c) =>
    `No review within ${c.DR01.workingDays} working days of the start of the period of care ` +
    (c.DR01.afterShortBreaks === 'period_start'
      ? '(short breaks before it included)'
      : '(after short breaks: of the day the child became looked after otherwise)'),
  reads: ['period', 'firstReviews'],
  thresholds: (c) => ({ workingDays: c.DR01.workingDays }),
  obligations: (summary, _asAt, config, evidence = true) => {
    const found: Obligation[] = [];
    for (const period of carePeriods(summary))
      found.push({
        key: period.start,
        from: period.start,
        dueDate: workingCalendar(config.extraBankHolidays).addWorkingDays(
          reviewClockOf(period, config.DR01.afterShortBreaks),
          config.DR01.workingDays,
        ),
        ...closedBy(period.reviews[0], period),
        evidence: !evidence ? NO_EVIDENCE : period.startEventId ? [period.startEventId] : [],
      });
    return found;
  },
};
