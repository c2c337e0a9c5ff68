/**
 * DR15: reviews of a child placed for adoption (Adoption Agencies Regulations 2005, reg 36, as the
 * IRO review reads it; national-definitions §4 names the regulations, not the timescales): the first
 * review within 4 weeks of the placement for adoption (A3–A6), the second within 3 months of the first,
 * then within 6 months of the one before. Any review held counts, so one review meets DR15 and the
 * DR02/DR03 chain alike. Only the placement the child is still in counts (summary/adoption-path.ts):
 * a disruption or the adoption order ends the chain (docs/drift-rules.md, "DR15").
 */
import { addDaysKept, addMonthsKept } from '../calendar/date-memo';
import { adoptivePlacement } from '../summary/adoption-path';
import type { DatedFact } from '../summary/journey-summary';
import { carePeriods, closedBy } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

export const DR15: DriftRule = {
  id: 'DR15',
  title: 'Adoption placement review overdue',
  dueTitle: 'Adoption placement review due',
  describe: (c) =>
    `A child placed for adoption: a review within ${c.DR15.firstWeeks} weeks of the placement, the next within ` +
    `${c.DR15.secondMonths} months, then every ${c.DR15.laterMonths} months (Adoption Agencies Regulations 2005, reg 36)`,
  reads: ['period', 'reviews', 'adoption', 'placements'],
  thresholds: (c) => ({
    firstWeeks: c.DR15.firstWeeks,
    secondMonths: c.DR15.secondMonths,
    laterMonths: c.DR15.laterMonths,
  }),
  obligations: (summary, _asAt, config, evidence = true) => {
    const found: Obligation[] = [];
    for (const period of carePeriods(summary)) {
      if (period.adoption.placements.length === 0) continue;
      const placed = adoptivePlacement(period);
      if (!placed) continue;
      // A review on the day of the placement is taken to be before it: the chain starts after.
      const reviews = period.reviews.filter((review) => review.date > placed.date);
      let previous: DatedFact = placed;
      for (let index = 0; index <= reviews.length; index++) {
        const dueDate =
          index === 0
            ? addDaysKept(placed.date, config.DR15.firstWeeks * 7)
            : addMonthsKept(previous.date, index === 1 ? config.DR15.secondMonths : config.DR15.laterMonths);
        found.push({
          key: `${placed.date}#${index + 1}`,
          from: previous.date,
          dueDate,
          ...closedBy(reviews[index], period),
          evidence: evidence ? [previous.eventId] : NO_EVIDENCE,
        });
        if (reviews[index] === undefined || found.at(-1)?.metOn === undefined) break;
        previous = reviews[index];
      }
    }
    return found;
  },
};
