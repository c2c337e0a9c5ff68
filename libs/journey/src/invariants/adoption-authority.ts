/** Authority to place for adoption: a placement order (court) or parental consent (s19 ACA 2002). */
import { addDays } from '../calendar-date';
import { violation } from '../errors';
import type { JourneyState } from '../state';

export function placementOrderNotYetGranted(state: JourneyState): void {
  const granted = state.adoption.placementOrderDate;
  if (granted !== undefined)
    violation(
      'placement-order-already-granted',
      `A placement order was already granted on ${granted}.`,
      'effectiveDate',
    );
}

export function consentNotYetRecorded(state: JourneyState): void {
  const given = state.adoption.consentDate;
  if (given !== undefined)
    violation(
      'adoption-consent-already-recorded',
      `Parental consent was already recorded on ${given}.`,
      'effectiveDate',
    );
}

/** A parent cannot consent to adoption before the child is six weeks old. */
export function consentNotBeforeSixWeeks(state: JourneyState, date: string): void {
  const dob = state.child?.dateOfBirth;
  if (dob !== undefined && date < addDays(dob, 42)) {
    violation(
      'consent-before-six-weeks',
      `Consent to adoption cannot be given before the child is six weeks old (${addDays(dob, 42)}).`,
      'effectiveDate',
    );
  }
}

/** Authority to place on or before `date`; returns the earliest such date. */
export function needsAuthorityToPlace(state: JourneyState, date: string): string {
  const dates = [placementOrderSince(state), state.adoption.consentDate].filter(
    (d): d is string => d !== undefined && d <= date,
  );
  if (dates.length === 0) {
    return violation(
      'match-needs-authority-to-place',
      `A match needs authority to place on or before ${date}: a placement order or parental consent.`,
      'effectiveDate',
    );
  }
  return dates.sort()[0];
}

export function notAlreadyMatched(state: JourneyState): void {
  const matched = state.adoption.matchDate;
  if (matched !== undefined)
    violation(
      'already-matched',
      `The child was already matched on ${matched} under the current decision.`,
      'effectiveDate',
    );
}

/**
 * Since when a placement order is authority to place: the one granted (GrantPlacementOrder), else the
 * start of the current period of care when it began with legal status E1, as a placement order was
 * then already in force (granted before the recorded history: care that began before the earliest
 * imported 903 return).
 */
export function placementOrderSince(state: JourneyState): string | undefined {
  if (state.adoption.placementOrderDate !== undefined) return state.adoption.placementOrderDate;
  const period = state.currentPeriodOfCare;
  if (!period) return undefined;
  const first = state.legalStatuses.find((spell) => spell.startDate === period.startDate);
  return first?.legalStatus === 'E1' ? period.startDate : undefined;
}
