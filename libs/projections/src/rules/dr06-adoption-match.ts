/** DR06 (scorecard A2): court authority to place (placement order) with no match after 121 days. */
import { addDaysKept } from '../calendar/date-memo';
import { carePeriods, closedBy, firstOnOrAfter, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

export const DR06: DriftRule = {
  id: 'DR06',
  title: 'Adoption match delay',
  describe: (c) => `Placement order with no match after ${c.DR06.days} days`,
  reads: ['period', 'adoption'],
  thresholds: (c) => ({ days: c.DR06.days }),
  obligations: (summary, _asAt, config, evidence = true) =>
    carePeriods(summary).flatMap((period): Obligation[] => {
      const order = period.adoption.placementOrders[0];
      if (!order) return [];
      // Matched before authority counts as in time (A2 counts it as 0 days).
      const match = period.adoption.matches[0];
      const reversal = firstOnOrAfter(period.adoption.reversals, order.date);
      const close =
        reversal && (!match || reversal.date < match.date)
          ? { lapsedOn: reversal.date, closingEventId: reversal.eventId }
          : closedBy(match, period);
      return [
        {
          key: order.date,
          from: order.date,
          dueDate: addDaysKept(order.date, config.DR06.days),
          ...close,
          evidence: evidence ? ids(order.eventId) : NO_EVIDENCE,
        },
      ];
    }),
};
