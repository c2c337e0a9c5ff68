/**
 * DR08: a baby relinquished at birth should be placed with adopters (fostering for adoption
 * U2/U5 counts) within 4 months of entering care.
 */
import { addMonths, isAdoptionPlacement } from '@care-journey/journey';
import type { DatedFact, PeriodOfCare } from '../summary/journey-summary';
import { byDate, carePeriods, closedBy, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

const WITH_ADOPTERS = (type: string): boolean => isAdoptionPlacement(type) || type === 'U2' || type === 'U5';

function placedWithAdopters(period: PeriodOfCare): DatedFact | undefined {
  const fromTypes = period.placements
    .flatMap((run) => run.types)
    .filter((fact) => WITH_ADOPTERS(fact.placementType));
  return byDate([...period.adoption.placements, ...fromTypes])[0];
}

export const DR08: DriftRule = {
  id: 'DR08',
  title: 'Relinquished baby not placed',
  describe: (c) =>
    `A baby relinquished at birth not placed with adopters within ${c.DR08.months} months of entering care`,
  reads: ['child', 'period', 'placements', 'adoption'],
  thresholds: (c) => ({ months: c.DR08.months }),
  obligations: (summary, _asAt, config, evidence = true): Obligation[] => {
    const period = carePeriods(summary)[0];
    if (!summary.relinquishedAtBirth || !period) return [];
    return [
      {
        key: period.start,
        from: period.start,
        dueDate: addMonths(period.start, config.DR08.months),
        ...closedBy(placedWithAdopters(period), period),
        evidence: evidence ? ids(summary.registeredEventId, period.startEventId) : NO_EVIDENCE,
      },
    ];
  },
};
