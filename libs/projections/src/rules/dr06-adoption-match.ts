/**
 * DR06 (scorecard A2): court authority to place (placement order) with no match after 121 days. A
 * period of care begun under LS E1 is under a placement order from its start (summary/queries.ts).
 * The match that counts is the one on the adoption path in force (summary/adoption-path.ts), as A2's
 * is: after a reversal and a new decision, a reversed path's match no longer closes the flag, and the
 * obligation applies again from the new decision, still due 121 days after the placement order.
 */
import { addDaysKept } from '../calendar/date-memo';
import { latestAdoptionPath } from '../summary/adoption-path';
import { placementOrderOf } from '../summary/queries';
import { carePeriods, closedBy, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

export const DR06: DriftRule = {
  id: 'DR06',
  title: 'Adoption match delay',
  describe: (c) => `Placement order with no match after ${c.DR06.days} days`,
  reads: ['period', 'adoption'],
  thresholds: (c) => ({ days: c.DR06.days }),
  obligations: (summary, _asAt, config, evidence = true) =>
    carePeriods(summary).flatMap((period): Obligation[] => {
      const order = placementOrderOf(period);
      if (!order) return [];
      // The summary is trimmed to D: the latest path is the one in force on D.
      const path = latestAdoptionPath(period.adoption);
      const { match, reversal } = path;
      // Matched before authority counts as in time (A2 counts it as 0 days).
      const close =
        reversal && reversal.date >= order.date && (!match || reversal.date < match.date)
          ? { lapsedOn: reversal.date, closingEventId: reversal.eventId }
          : closedBy(match, period);
      // A path opened after the order (a new decision after a reversal) applies from that decision.
      const reopened = path.decision && path.decision.date > order.date ? path.decision : undefined;
      const from = reopened ? reopened.date : order.date;
      return [
        {
          key: order.date,
          from,
          dueDate: addDaysKept(order.date, config.DR06.days),
          ...close,
          evidence: evidence ? ids(order.eventId, reopened?.eventId) : NO_EVIDENCE,
        },
      ];
    }),
};
