/** Moving in with adopters: after a match, under the matching authority, and with the right carer code. */
import { ADOPTION_PLACEMENTS, FOSTERING_FOR_ADOPTION, isFosterPlacement } from '../code-groups';
import { violation } from '../errors';
import type { PlacementDetails } from '../events';
import type { JourneyState } from '../state';
import { placementOrderSince } from './adoption-authority';

const isFosteringForAdoption = (type: string | undefined): boolean =>
  FOSTERING_FOR_ADOPTION.includes(type as never);

/**
 * "Placed for adoption" is an A3–A6 placement (the 903's move-in with adopters). Fostering for adoption
 * or concurrent planning (U2/U5) is a foster placement, recorded as a change of placement: entered
 * here, the child could never be placed A3–A6 or adopted afterwards, and the 903 would hold no A3–A6
 * episode for what the scorecard would have counted as the move-in.
 */
export function adoptionPlacementType(placement: PlacementDetails): string {
  const type = placement?.placementType;
  if (isFosteringForAdoption(type)) {
    return violation(
      'fostering-for-adoption-is-a-placement-change',
      `placement.placementType ${type} is fostering for adoption (a foster placement), not a placement for adoption (A3–A6): record it as a placement change, then place for adoption with those carers (A3/A5, same carer).`,
      'placement.placementType',
    );
  }
  if (!ADOPTION_PLACEMENTS.includes(type as never)) {
    return violation(
      'invalid-adoption-placement-type',
      `placement.placementType ${JSON.stringify(type)} is not a placement for adoption (A3–A6).`,
      'placement.placementType',
    );
  }
  return type;
}

/** A "placed for adoption" entry with a fostering-for-adoption type (U2/U5): only a stored one, now. */
export const isStoredFosteringForAdoption = (placement: PlacementDetails | undefined): boolean =>
  isFosteringForAdoption(placement?.placementType);

/**
 * An amendment of a "placed for adoption" entry may give it a U2/U5 type only by keeping the type a
 * stored entry already has (accepted before such entries were refused): its other fields can then be
 * corrected. Any other U2/U5 (a new one, or a change from U5 to U2) is fostering for adoption, which
 * is a change of placement: retract the entry and record the change of placement instead.
 */
export function keepsStoredFosteringForAdoptionType(
  storedPlacement: PlacementDetails | undefined,
  amendedPlacement: unknown,
): void {
  const sent = (amendedPlacement as Partial<PlacementDetails> | undefined)?.placementType;
  if (typeof amendedPlacement !== 'object' || !isFosteringForAdoption(sent)) return;
  const stored = storedPlacement?.placementType;
  if (sent === stored) return;
  const kept = isFosteringForAdoption(stored)
    ? `This entry, recorded as ${stored} before such entries were refused, may keep ${stored} while its other fields are corrected, or become A3–A6 if the child was placed for adoption; `
    : '';
  violation(
    'fostering-for-adoption-is-a-placement-change',
    `This placement for adoption cannot be corrected like this: amendedData.placement.placementType ${sent} is fostering for adoption (a foster placement), not a placement for adoption (A3–A6). ${kept}to record fostering for adoption with ${sent}, withdraw this entry and record a placement change.`,
    'amendedData.placement.placementType',
  );
}

export function needsMatch(state: JourneyState, date: string): void {
  const matched = state.adoption.matchDate;
  if (matched === undefined || matched > date) {
    violation(
      'placed-for-adoption-needs-match',
      `Placing for adoption needs a match with adopters on or before ${date}.`,
      'effectiveDate',
    );
  }
}

/** A3/A4 rest on parental consent, A5/A6 on a placement order (s19 / s21 ACA 2002). */
export function authorityMatchesCode(state: JourneyState, type: string, date: string): void {
  const { consentDate } = state.adoption;
  const placementOrderDate = placementOrderSince(state);
  if ((type === 'A3' || type === 'A4') && (consentDate === undefined || consentDate > date)) {
    violation(
      'adoption-placement-needs-consent',
      `${type} is a placement with parental consent, and none is recorded by ${date}.`,
      'placement.placementType',
    );
  }
  if ((type === 'A5' || type === 'A6') && (placementOrderDate === undefined || placementOrderDate > date)) {
    violation(
      'adoption-placement-needs-placement-order',
      `${type} is a placement under a placement order, and none is granted by ${date}.`,
      'placement.placementType',
    );
  }
}

/** A3/A5 mean "with the current foster carer": the child must be fostered (U1–U6) there now, same carer. */
export function fosterCarerCodeConsistent(state: JourneyState, type: string, sameCarer: unknown): void {
  const withFosterCarer = type === 'A3' || type === 'A5';
  if (withFosterCarer && !isFosterPlacement(state.currentPlacement?.placementType)) {
    violation(
      'adoption-with-foster-carer-needs-foster-placement',
      `${type} (with current foster carer) needs a current foster placement U1–U6; the current placement is ${state.currentPlacement?.placementType ?? 'none'}.`,
      'placement.placementType',
    );
  }
  if (ADOPTION_PLACEMENTS.includes(type as never) && sameCarer !== withFosterCarer) {
    violation(
      'adoption-placement-carer-mismatch',
      `${type} is ${withFosterCarer ? '' : 'not '}with the current foster carer, so sameCarer must be ${withFosterCarer}.`,
      'sameCarer',
    );
  }
}

/**
 * One move-in per decision. A U2/U5 "placed for adoption" entry (accepted until such entries were
 * refused) is fostering for adoption, not a move-in: the child can still be placed A3–A6 from it.
 */
export function notAlreadyPlaced(state: JourneyState): void {
  const placed = state.adoption.placedDate;
  if (placed !== undefined && !isFosteringForAdoption(state.adoption.placedPlacementType))
    violation(
      'already-placed-for-adoption',
      `The child was already placed for adoption on ${placed} under the current decision.`,
      'effectiveDate',
    );
}

export function needsAdoptionPlacement(state: JourneyState): void {
  const type = state.currentPlacement?.placementType;
  if (!ADOPTION_PLACEMENTS.includes(type as never)) {
    violation(
      'adoption-order-needs-adoption-placement',
      `An adoption order needs the child placed for adoption (A3–A6); the current placement is ${type ?? 'none'}.`,
      'effectiveDate',
    );
  }
}

/**
 * The order's "adopted by the foster carer" must be what the placement it ends says: A3/A5 are
 * placements with the current foster carer, A4/A6 with other adopters (national definitions §1.3).
 * A10 and the 903 AD1 FOSTER_CARE read the flag; DR07 reads the placement; they must agree.
 */
export function adoptedByFosterCarerMatchesPlacement(
  state: JourneyState,
  adoptedByFosterCarer: boolean,
): void {
  const type = state.currentPlacement?.placementType;
  const withFosterCarer = type === 'A3' || type === 'A5';
  if (adoptedByFosterCarer !== withFosterCarer)
    violation(
      'adoption-order-foster-carer-mismatch',
      `The child is placed ${type} (${withFosterCarer ? 'with their foster carer' : 'with adopters who were not their foster carer'}), so adoptedByFosterCarer must be ${withFosterCarer}. If the placement type is wrong, amend the placement for adoption first.`,
      'adoptedByFosterCarer',
    );
}
