/**
 * DR13: being looked after ends at 18 (national-definitions.md §1.3; E17/E5/E6…, E8 never just for
 * turning 18), so care is due to end by the 18th birthday. A period still open after it (recorded
 * before the journey refused entries at 18+, imported, or simply not yet closed) is flagged from
 * the day after; a period that started at 18+ is flagged from its start. A period ended late keeps
 * the breach in the flag history. Short breaks (V3/V4) are skipped like every rule, and so is a young
 * person accommodated under s20(5) in a community home (V2 in K2), the one way to stay looked after
 * past 18 (903 rule 359); care never starts at 18+ (rule 352), so that is flagged whatever the episode.
 */
import { eighteenthBirthday, LOOKED_AFTER_AGE_LIMIT, type CalendarDate } from '@care-journey/journey';
import type { PeriodOfCare } from '../summary/journey-summary';
import { legalStatusOn, placementTypeOn } from '../summary/queries';
import { carePeriods, ids } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';

export const DR13: DriftRule = {
  id: 'DR13',
  title: 'Still looked after at 18',
  describe: () =>
    `A child still recorded as looked after after their ${LOOKED_AFTER_AGE_LIMIT}th birthday: care ends by then (record the end, e.g. E17 stayed with carers, E5/E6 independent living)`,
  // Obligations depend on asAt only through fact dates (the summary is trimmed to it).
  reads: ['child', 'period', 'legalStatuses', 'placements'],
  thresholds: () => ({ age: LOOKED_AFTER_AGE_LIMIT }),
  obligations: (summary, asAt, _config, evidence = true): Obligation[] => {
    if (!summary.dateOfBirth) return [];
    const dueDate = eighteenthBirthday(summary.dateOfBirth);
    const found: Obligation[] = [];
    for (const period of carePeriods(summary)) {
      // Left by the birthday (ending on it included: E17 needs the child to be 18 that day).
      if (period.end !== undefined && period.end <= dueDate) continue;
      if (period.end === undefined && period.start < dueDate && inCommunityHomeUnderS20(period, asAt))
        continue;
      found.push({
        key: period.start,
        from: period.start,
        dueDate,
        ...(period.end !== undefined && { metOn: period.end, closingEventId: period.endEventId }),
        evidence: evidence ? ids(summary.registeredEventId, period.startEventId) : NO_EVIDENCE,
      });
    }
    return found;
  },
};

const inCommunityHomeUnderS20 = (period: PeriodOfCare, date: CalendarDate): boolean =>
  legalStatusOn(period, date) === 'V2' && placementTypeOn(period, date) === 'K2';
