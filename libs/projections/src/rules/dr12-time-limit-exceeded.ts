/**
 * DR12: a legal status or temporary placement still open past its 903 time limit (L1 police
 * protection 72 hours, L2 emergency protection order 21 days, L3 child assessment order 7 days;
 * T1 hospital 6 weeks, T3 while the foster carer is on holiday 3 weeks, T4 other 7 days). The
 * domain refuses the entry that would end one late (libs/journey time-limits.ts); until that entry
 * is made nothing recorded is wrong, so the panel is told here. The limits are the domain's, not
 * thresholds of this rule: a local value would let the flag and the refusal disagree.
 */
import {
  addDays,
  LEGAL_STATUS_TIME_LIMITS,
  TEMPORARY_PLACEMENT_TIME_LIMITS,
  type CalendarDate,
  type TimeLimit,
} from '@care-journey/journey';
import type { PeriodOfCare } from '../summary/journey-summary';
import { carePeriods } from './care-periods';
import { NO_EVIDENCE, type DriftRule, type Obligation, type ThresholdValues } from './drift-rule';

const limitValues = (code: string, limit: TimeLimit): ThresholdValues => ({
  code,
  days: limit.maxDays,
  limit: limit.wording,
  rule903: limit.referenceRule,
});

/** One status or stay: due by start + the limit; ended (the step) when it ended, late or not. */
function obligation(
  code: string,
  limit: TimeLimit,
  start: CalendarDate,
  eventId: string,
  end: { date?: CalendarDate; eventId?: string },
  evidence: boolean,
): Obligation {
  return {
    key: `${code}/${start}`,
    from: start,
    dueDate: addDays(start, limit.maxDays),
    ...(end.date !== undefined ? { metOn: end.date, closingEventId: end.eventId } : {}),
    evidence: evidence ? [eventId] : NO_EVIDENCE,
    threshold: limitValues(code, limit),
  };
}

function legalStatusObligations(period: PeriodOfCare, evidence: boolean, found: Obligation[]): void {
  const statuses = period.legalStatuses;
  statuses.forEach((status, index) => {
    const limit = LEGAL_STATUS_TIME_LIMITS[status.code];
    if (!limit) return;
    // It ends with the next legal status (a placement order too) or with the period.
    const next = statuses[index + 1];
    const end = next
      ? { date: next.date, eventId: next.eventId }
      : { date: period.end, eventId: period.endEventId };
    found.push(obligation(status.code, limit, status.date, status.eventId, end, evidence));
  });
}

function temporaryStayObligations(period: PeriodOfCare, evidence: boolean, found: Obligation[]): void {
  for (const run of period.placements)
    for (const stay of run.temporaryStays) {
      const limit = TEMPORARY_PLACEMENT_TIME_LIMITS[stay.placementType];
      if (!limit) continue;
      // Back to the usual placement, or the placement or the period ended with the stay open.
      const end =
        stay.end !== undefined
          ? { date: stay.end }
          : run.end !== undefined
            ? { date: run.end }
            : { date: period.end, eventId: period.endEventId };
      found.push(obligation(stay.placementType, limit, stay.start, stay.eventId, end, evidence));
    }
}

export const DR12: DriftRule = {
  id: 'DR12',
  title: 'Past its time limit',
  describe: () =>
    'A legal status or temporary placement still open past its 903 time limit: ' +
    [...Object.entries(LEGAL_STATUS_TIME_LIMITS), ...Object.entries(TEMPORARY_PLACEMENT_TIME_LIMITS)]
      .map(([code, limit]) => `${code} ${limit.wording}`)
      .join(', '),
  reads: ['period', 'legalStatuses', 'placements', 'temporaryStays'],
  thresholds: () => {
    const days: ThresholdValues = {};
    for (const [code, limit] of Object.entries({
      ...LEGAL_STATUS_TIME_LIMITS,
      ...TEMPORARY_PLACEMENT_TIME_LIMITS,
    }))
      days[code] = limit.maxDays;
    return days;
  },
  obligations: (summary, _asAt, _config, evidence = true) => {
    const found: Obligation[] = [];
    for (const period of carePeriods(summary)) {
      legalStatusObligations(period, evidence, found);
      temporaryStayObligations(period, evidence, found);
    }
    return found;
  },
};
