/** A placement's type and provider must be valid together, for its date and the child's age (placement-age.ts). */
import { isAdoptionPlacement, isTemporaryPlacement, placementTakesNoProvider } from '../code-groups';
import { violation } from '../errors';
import type { PlacementDetails } from '../events';
import type { JourneyState } from '../state';
import { requireCode } from './codes';
import { placementAgeAllowed } from './placement-age';
import { noP2FromRegistration, urnFromRegistration } from './supported-accommodation';

// An Ofsted URN ("SC123456", "2771234") or XXXXXXX: letters and digits, at most 8 (903 URN).
// Also keeps a cell the 903 return writes from starting with a spreadsheet formula character.
const URN_PATTERN = /^[A-Za-z0-9]{1,8}$/;

export function checkProvider(placement: PlacementDetails, date: string): void {
  const { placementType, provider, urn } = placement;
  if (urn !== undefined && (typeof urn !== 'string' || !URN_PATTERN.test(urn)))
    violation(
      'invalid-urn',
      `placement.urn must be the setting's Ofsted URN or XXXXXXX: 1–8 letters and digits, not ${JSON.stringify(urn)}.`,
      'placement.urn',
    );
  if (placementTakesNoProvider(placementType)) {
    if (provider !== undefined)
      violation(
        'provider-not-allowed',
        `No provider is recorded for a ${placementType} placement.`,
        'placement.provider',
      );
    return;
  }
  if (provider === undefined)
    violation(
      'provider-required',
      `placement.provider (PR0–PR5) is required for a ${placementType} placement.`,
      'placement.provider',
    );
  requireCode('PLACE_PROVIDER', provider, date, 'placement.provider', 'invalid-provider');
  if (provider === 'PR0' && placementType !== 'P1') {
    violation(
      'pr0-only-with-p1',
      'Provider PR0 (parents) is only used with placement type P1 (placed with parents).',
      'placement.provider',
    );
  }
}

/**
 * The checks shared by every ordinary placement (start of care, change of placement), including
 * the October 2023 supported-accommodation change (supported-accommodation.ts).
 */
export function checkOrdinaryPlacement(
  state: JourneyState,
  placement: PlacementDetails | undefined,
  date: string,
  asReturned = false,
): void {
  if (!placement || typeof placement !== 'object')
    return void violation('required-field', 'placement is required.', 'placement');
  noP2FromRegistration(placement.placementType, date, 'placement');
  const type = requireCode(
    'PLACE',
    placement.placementType,
    date,
    'placement.placementType',
    'invalid-placement-type',
  );
  if (isTemporaryPlacement(type)) {
    violation(
      'temporary-placement-via-change',
      // Read by form users and API callers alike: name the step, then the command that records it.
      `${type} is a temporary placement: record it as a temporary placement, not as a placement change.`,
      'placement.placementType',
    );
  }
  if (isAdoptionPlacement(type)) {
    violation(
      'adoption-placement-via-change',
      `${type} is a placement for adoption: record it as placed for adoption, not as a placement change.`,
      'placement.placementType',
    );
  }
  checkProvider(placement, date);
  placementAgeAllowed(state, type, date, 'placement.placementType', asReturned);
  urnFromRegistration(placement, date, 'placement');
}
