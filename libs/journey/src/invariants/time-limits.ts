/**
 * Legal statuses and temporary placements that may only last so long (DfE 903 validation rules,
 * shared/domain/national-definitions.md §1.3). The 903 rules test the recorded duration, end date
 * minus start date in days, so they are checked when an entry ends the status or placement: a
 * later legal status, a placement order, the end of care, the return from a temporary placement.
 * One still open past its limit is not refused here: nothing recorded is wrong yet, and refusing
 * unrelated entries (a review, a visit) would not record the missing end (drift flag DR12 tells the
 * panel). T3 is also limited in number: at most two in any 12 months (rule 377), checked when one starts.
 */
import { addDays, addMonths, daysBetween } from '../calendar-date';
import { violation } from '../errors';
import { currentLegalStatus } from '../queries';
import { shortBreakWithinLimits } from './short-break-limits';
import type { JourneyState } from '../state';

export interface TimeLimit {
  /** What the code means, for the message. */
  meaning: string;
  /** The longest it may last: end date minus start date, in days. */
  maxDays: number;
  /** The limit as the law or the guide words it. */
  wording: string;
  /** The DfE 903 validation rule that checks it. */
  referenceRule: string;
  /** The rule id this domain reports: the code, the limit and the reference rule. */
  rule: string;
}

const limit = (code: string, meaning: string, maxDays: number, wording: string, referenceRule: string) => ({
  [code]: {
    meaning,
    maxDays,
    wording,
    referenceRule,
    rule: `${code.toLowerCase()}-over-${wording.replace(' ', '-')}-903-rule-${referenceRule}`,
  },
});

/** L1 72 hours (Children Act 1989 s46; the validator allows 3 days), L2 21 days, L3 7 days. */
export const LEGAL_STATUS_TIME_LIMITS: Readonly<Record<string, TimeLimit>> = {
  ...limit('L1', 'police protection', 3, '72 hours', '361'),
  ...limit('L2', 'emergency protection order', 21, '21 days', '362'),
  ...limit('L3', 'child assessment order', 7, '7 days', '363'),
};

/** T1 hospital 6 weeks, T3 while the foster carer is on holiday 3 weeks, T4 other 7 days. T0/T2: none. */
export const TEMPORARY_PLACEMENT_TIME_LIMITS: Readonly<Record<string, TimeLimit>> = {
  ...limit('T1', 'temporary period in hospital', 42, '6 weeks', '375'),
  ...limit('T3', 'temporary placement while the usual foster carer is on holiday', 21, '3 weeks', '376'),
  ...limit('T4', 'temporary placement for another reason', 7, '7 days', '379'),
};

function endsWithinLimit(
  code: string | undefined,
  startDate: string | undefined,
  endDate: string,
  limits: Readonly<Record<string, TimeLimit>>,
  ending: string,
): void {
  const found = code === undefined ? undefined : limits[code];
  if (!found || startDate === undefined) return;
  const days = daysBetween(startDate, endDate);
  if (days <= found.maxDays) return;
  violation(
    found.rule,
    `${code} (${found.meaning}) from ${startDate} may last at most ${found.wording} (903 validation rule ${found.referenceRule}); ` +
      `${ending} on ${endDate} would make it ${days} days. Record when it really ended (by ${addDays(startDate, found.maxDays)}), or correct its start.`,
    'effectiveDate',
  );
}

/** The current legal status ends on `endDate` (a new status, a placement order, the end of care). */
export function legalStatusEndsWithinLimit(state: JourneyState, endDate: string, ending: string): void {
  const status = currentLegalStatus(state);
  endsWithinLimit(status?.legalStatus, status?.startDate, endDate, LEGAL_STATUS_TIME_LIMITS, ending);
  // V3 short breaks: 17 days each, 75 in 12 months (kept apart: no drift rule reads short breaks).
  shortBreakWithinLimits(state, endDate, ending);
}

/** The open temporary placement ends on `endDate` (the return to the usual placement). */
export function temporaryPlacementEndsWithinLimit(state: JourneyState, endDate: string): void {
  const placement = state.currentPlacement;
  endsWithinLimit(
    placement?.placementType,
    placement?.startDate,
    endDate,
    TEMPORARY_PLACEMENT_TIME_LIMITS,
    'going back to the usual placement',
  );
}

/** T3 (while the usual foster carer is on holiday): at most two in any 12-month period (903 rule 377). */
export const T3_MOST_IN_12_MONTHS = 2;
const T3_RULE = 't3-more-than-two-in-12-months-903-rule-377';

/**
 * A T3 starting on `date` must not make a third within any 12 months: with any two of the child's
 * other T3s (earlier or, recorded late, later; any period of care), the three must not all start
 * within 12 months of the first (a third on the day 12 months after the first is allowed).
 */
export function atMostTwoT3In12Months(state: JourneyState, placementType: string, date: string): void {
  if (placementType !== 'T3') return;
  const others = state.placements
    .filter((spell) => spell.kind === 'temporary' && spell.placementType === 'T3')
    .map((spell) => spell.startDate)
    .filter((start) => start < addMonths(date, 12) && date < addMonths(start, 12))
    .sort();
  for (let i = 0; i + 1 < others.length; i++) {
    const three = [others[i], others[i + 1], date].sort();
    if (three[2] < addMonths(three[0], 12)) {
      violation(
        T3_RULE,
        `T3 (${TEMPORARY_PLACEMENT_TIME_LIMITS.T3.meaning}) is allowed at most ${T3_MOST_IN_12_MONTHS} times in any 12 months ` +
          `(903 validation rule 377); the child already has T3 from ${others[i]} and ${others[i + 1]}, so one from ${date} would be the third ` +
          `within 12 months. Correct an earlier T3 if it was something else, or record this stay as the placement it is.`,
        'placementType',
      );
    }
  }
}
