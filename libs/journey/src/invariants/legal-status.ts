/** Legal status rules that depend on the child: age for youth justice codes, one kind of short breaks a year. */
import { isShortBreak, isYouthJustice } from '../code-groups';
import { violation } from '../errors';
import { ageOn, currentLegalStatus } from '../queries';
import type { JourneyState } from '../state';

export function youthJusticeNotUnder10(state: JourneyState, legalStatus: string, date: string): void {
  const age = ageOn(state, date);
  if (isYouthJustice(legalStatus) && age !== undefined && age < 10) {
    violation(
      'youth-justice-under-10',
      `${legalStatus} cannot apply to a child under 10 (the child is ${age} on ${date}).`,
      'legalStatus',
    );
  }
}

// The 903 year runs 1 April to 31 March.
const collectionYearOf = (date: string): number =>
  Number(date.slice(0, 4)) - (date.slice(5, 7) < '04' ? 1 : 0);

/** V3 and V4 cannot both be used for a child in the same collection year. */
export function shortBreaksOneKindPerYear(state: JourneyState, legalStatus: string, date: string): void {
  if (!isShortBreak(legalStatus)) return;
  const other = legalStatus === 'V3' ? 'V4' : 'V3';
  const year = collectionYearOf(date);
  const clash = state.legalStatuses.find(
    (s) =>
      s.legalStatus === other &&
      collectionYearOf(s.startDate) <= year &&
      collectionYearOf(s.endDate ?? date) >= year,
  );
  if (clash) {
    violation(
      'short-breaks-v3-and-v4-same-year',
      `${legalStatus} cannot be used in ${year}/${String(year + 1).slice(2)}: the child already has ${other} in that year (from ${clash.startDate}).`,
      'legalStatus',
    );
  }
}

export function legalStatusMustChange(state: JourneyState, legalStatus: string): void {
  if (currentLegalStatus(state)?.legalStatus === legalStatus) {
    violation('legal-status-unchanged', `The legal status is already ${legalStatus}.`, 'legalStatus');
  }
}

export function placementOrderViaGrant(legalStatus: string): void {
  if (legalStatus === 'E1')
    violation(
      'placement-order-via-grant',
      // Read by form users and API callers alike: name the form, then the route that records it.
      'Legal status E1 comes with the placement order: record it as “Adoption: placement order granted” once the ADM decision is recorded (POST /children/:id/adoption/placement-order).',
      'legalStatus',
    );
}
