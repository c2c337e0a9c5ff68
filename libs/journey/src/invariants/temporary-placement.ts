/** Temporary placements (T0–T4) sit inside a usual placement: they neither start nor end care, and end by going back. */
import { isTemporaryPlacement } from '../code-groups';
import { DomainRuleViolation, violation } from '../errors';
import type { JourneyState, PlacementSpell } from '../state';

const isTemporaryOpen = (state: JourneyState): boolean =>
  isTemporaryPlacement(state.currentPlacement?.placementType);

export function noTemporaryPlacementOpen(state: JourneyState, action: string): void {
  if (isTemporaryOpen(state)) {
    violation(
      action === 'end care' ? 'temporary-placement-cannot-end-care' : 'temporary-placement-open',
      `The child is in a temporary placement (${state.currentPlacement?.placementType}) since ${state.currentPlacement?.startDate}: end it (back to the usual placement) before you ${action}.`,
      'effectiveDate',
    );
  }
}

export function temporaryCannotStartCare(placementType: string): void {
  if (isTemporaryPlacement(placementType)) {
    violation(
      'temporary-placement-cannot-start-care',
      `A period of care cannot start with a temporary placement (${placementType}).`,
      'placement.placementType',
    );
  }
}

export function mustHaveTemporaryOpen(state: JourneyState): void {
  if (!isTemporaryOpen(state))
    violation('no-temporary-placement-open', 'The child is not in a temporary placement.', 'effectiveDate');
}

export function mustNotHaveTemporaryOpen(state: JourneyState): void {
  if (isTemporaryOpen(state)) {
    violation(
      'temporary-placement-already-open',
      `A temporary placement (${state.currentPlacement?.placementType}) is already open.`,
      'effectiveDate',
    );
  }
}

/**
 * No 903 return shows a legal status change while the child is away in a temporary placement or on the
 * day of the return: the T0–T4 episode must start with RNE P or B (rule 380) and the next one must be
 * RNE P, back to the same placement (383). On the day the stay began it is one RNE B episode, valid.
 */
export function noLegalStatusChangeInTemporaryPlacement(state: JourneyState, date: string): void {
  const stay = stayHolding(state, date);
  if (stay) throw legalStatusChangeInStay(stay);
}

/** The temporary stay a legal status change dated `date` falls in: after its first day, up to the return. */
export const stayHolding = (state: JourneyState, date: string): PlacementSpell | undefined =>
  state.placements.find(
    (p) => p.kind === 'temporary' && p.startDate < date && (p.endDate === undefined || date <= p.endDate),
  );

/** A legal status change inside `stay`: the refusal, shared with corrections' journey check. */
export function legalStatusChangeInStay(stay: PlacementSpell): DomainRuleViolation {
  const span = stay.endDate ? `from ${stay.startDate} to ${stay.endDate}` : `since ${stay.startDate}`;
  return new DomainRuleViolation(
    'legal-status-during-temporary-placement',
    `The child was in a temporary placement (${stay.placementType}) ${span}: the 903 return cannot show a legal status change while the child is away or on the day of the return (DfE rules 380 and 383: the return must be a change of placement only). Date it on or before ${stay.startDate}, or record the return first and date the change after it.`,
    'effectiveDate',
  );
}

/** The same rule from the other side: a temporary placement recorded late must not hold a legal status change. */
export function noLegalStatusChangeAfterTemporaryStart(state: JourneyState, date: string): void {
  const later = state.legalStatuses.find((spell) => spell.startDate > date);
  if (later)
    violation(
      'temporary-placement-over-legal-status-change',
      `The legal status changed to ${later.legalStatus} on ${later.startDate}, after ${date}: the 903 return cannot show a legal status change during a temporary placement (DfE rules 380 and 383). Record the temporary placement from ${later.startDate} or later.`,
      'effectiveDate',
    );
}
