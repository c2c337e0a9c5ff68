/** Moving in with adopters, and the adoption order that ends care (E11/E12). */
import type { GrantAdoptionOrder, PlaceForAdoption } from '../commands';
import { violation } from '../errors';
import type { JourneyEvent } from '../events';
import { checkAdopters } from '../invariants/adopters';
import { needsOpenAdoptionDecision } from '../invariants/adoption-decision';
import {
  adoptedByFosterCarerMatchesPlacement,
  adoptionPlacementType,
  authorityMatchesCode,
  fosterCarerCodeConsistent,
  needsAdoptionPlacement,
  needsMatch,
  notAlreadyPlaced,
} from '../invariants/adoption-placement';
import { placementMustMoveForward } from '../invariants/episodes';
import { requireBoolean } from '../invariants/fields';
import { mustBeInCurrentPeriod } from '../invariants/period-of-care';
import { checkProvider } from '../invariants/placement';
import { placementAgeAllowed } from '../invariants/placement-age';
import { currentPlacementEndedByRegistration } from '../invariants/supported-accommodation';
import { noTemporaryPlacementOpen } from '../invariants/temporary-placement';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';
import { checkCareCanEnd } from './period-of-care';

export function placeForAdoption(command: PlaceForAdoption, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, 'adoption-step');
  noTemporaryPlacementOpen(state, 'place for adoption');
  const type = adoptionPlacementType(command.placement);
  placedForAdoptionRules(command, state, date, type);
  return [{ type: 'PlacedForAdoption', data: dataOf(command) }];
}

/**
 * A stored "placed for adoption" with U2/U5, re-checked when the journey is replayed (a correction):
 * accepted before such entries were refused, it keeps that type, and every other rule of a placement
 * for adoption still holds for it (a date, a match, a provider…), so an amendment that keeps the type
 * and corrects another field is checked as the entry was. A new entry, or an amendment to another
 * fostering-for-adoption type, goes through placeForAdoption and is refused.
 */
export function checkStoredFosteringForAdoption(command: PlaceForAdoption, state: JourneyState): void {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, 'adoption-step');
  noTemporaryPlacementOpen(state, 'place for adoption');
  placedForAdoptionRules(command, state, date, command.placement.placementType);
}

/** The rules of a placement for adoption after its type. */
function placedForAdoptionRules(
  command: PlaceForAdoption,
  state: JourneyState,
  date: string,
  type: string,
): void {
  requireBoolean(command.sameCarer, 'sameCarer');
  needsOpenAdoptionDecision(state, 'placed-for-adoption-needs-match', 'Placing for adoption');
  needsMatch(state, date);
  authorityMatchesCode(state, type, date);
  fosterCarerCodeConsistent(state, type, command.sameCarer);
  notAlreadyPlaced(state);
  placementMustMoveForward(state, date);
  currentPlacementEndedByRegistration(state, date, false);
  checkProvider(command.placement, date);
  placementAgeAllowed(state, type, date, 'placement.placementType');
}

/** One command, two events: the order, and the end of care it brings (E11 unopposed, E12 consent dispensed). */
export function grantAdoptionOrder(command: GrantAdoptionOrder, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, 'adoption-step');
  needsAdoptionPlacement(state);
  checkCareCanEnd(state, date);
  checkAdopters(command.numberOfAdopters, command.adopterSex, command.adopterLegalStatus, date);
  requireBoolean(command.adoptedByFosterCarer, 'adoptedByFosterCarer');
  adoptedByFosterCarerMatchesPlacement(state, command.adoptedByFosterCarer);
  if (command.application !== 'unopposed' && command.application !== 'consent_dispensed') {
    violation(
      'invalid-adoption-application',
      "application must be 'unopposed' (E11) or 'consent_dispensed' (E12).",
      'application',
    );
  }
  const { application, ...data } = dataOf(command);
  const { childId, effectiveDate } = data;
  return [
    { type: 'AdoptionOrderGranted', data },
    {
      type: 'PeriodOfCareEnded',
      data: { childId, effectiveDate, reason: application === 'unopposed' ? 'E11' : 'E12' },
    },
  ];
}
