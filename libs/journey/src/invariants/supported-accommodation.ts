/**
 * The October 2023 supported-accommodation change. From 28 October 2023 a setting that accommodates
 * a looked-after 16- or 17-year-old under "other arrangements" must be registered with Ofsted
 * (Supported Accommodation (England) Regulations 2023). The 903 for 2023/24 says it as two rules:
 * 217t, independent living (P2) is no longer a placement (a P2 episode may end on 28/10/2023 at the
 * latest); 230, an English semi-independent placement (H5) needs the setting's Ofsted URN (an H5
 * episode without one may end on 28/10/2023 at the latest). Both were deleted from the 2024/25 rules,
 * which ask a URN of every English H5 and K3 placement (rule 218); the law has not changed, so the
 * journey keeps both rules for every date from 28 October 2023, and asks the URN of K3 too
 * (registered supported accommodation, in the list from 2024/25).
 *
 * A placement starting on or after that day is checked here; so is any entry that starts or ends
 * an episode after it (a move, a legal status change, a temporary placement, the end of care) while
 * the child is still in P2 or in an H5 without a URN: that placement had to end, or its URN be
 * recorded (a same-carer change, 903 RNE T, reason PLACE), on or before 28 October 2023.
 */
import { SUPPORTED_ACCOMMODATION_REGISTERED_FROM as FROM } from '../code-lists';
import { violation } from '../errors';
import type { PlacementDetails } from '../events';
import type { JourneyState } from '../state';
import { isOutsideEngland } from './outside-england';
import { currentPlacementNotWithdrawn, usualPlacementNotWithdrawn } from './withdrawn-placement-types';

/** What the 903 writes when a setting has no Ofsted URN. */
const NO_URN = 'XXXXXXX';
const SUPPORTED_ACCOMMODATION = new Set(['H5', 'K3']);

/** A real Ofsted URN is recorded: present, not blank, not the 903's "not applicable" XXXXXXX. */
export const hasOfstedUrn = (placement: Pick<PlacementDetails, 'urn'>): boolean =>
  typeof placement.urn === 'string' &&
  placement.urn.trim() !== '' &&
  placement.urn.trim().toUpperCase() !== NO_URN;

/** H5/K3 in England: from 28 October 2023 the setting must be registered, so it has a URN. */
export const needsOfstedUrn = (placement: Pick<PlacementDetails, 'placementType' | 'postcode'>): boolean =>
  SUPPORTED_ACCOMMODATION.has(placement.placementType) && !isOutsideEngland(placement.postcode);

/** The placement may not be lived in from 28 October 2023: P2, or English H5/K3 without a URN. */
export const endsByRegistration = (placement: PlacementDetails): boolean =>
  placement.placementType === 'P2' || (needsOfstedUrn(placement) && !hasOfstedUrn(placement));

type Field = 'placement' | 'effectiveDate';
const fieldOf = (field: Field, name: string): string => (field === 'placement' ? `placement.${name}` : field);

/**
 * P2 beginning on `date` (a new placement, or the return to it after a temporary one). Checked
 * before the code list's dates, so P2 from 28 October 2023 gets this rule, not "not a valid code".
 */
export function noP2FromRegistration(placementType: unknown, date: string, field: Field): void {
  if (placementType !== 'P2' || date < FROM) return;
  violation(
    'p2-withdrawn',
    `P2 (independent living) is not a placement for a looked-after child from 28 October 2023 (Supported Accommodation (England) Regulations 2023; 903 rule 217t), and ${date} is on or after it: record supported accommodation registered with Ofsted (H5; K3 from April 2024) with its URN, or another placement.`,
    fieldOf(field, 'placementType'),
  );
}

/** English H5/K3 beginning on or after 28 October 2023: the setting's Ofsted URN is recorded. */
export function urnFromRegistration(placement: PlacementDetails, date: string, field: Field): void {
  if (date < FROM || !needsOfstedUrn(placement) || hasOfstedUrn(placement)) return;
  violation(
    'supported-accommodation-urn-required',
    `From 28 October 2023 a ${placement.placementType} placement in England must be registered with Ofsted (903 rule 230): placement.urn must be the setting's Ofsted URN, not ${placement.urn === undefined ? 'blank' : JSON.stringify(placement.urn)}, for a placement on ${date}.`,
    fieldOf(field, 'urn'),
  );
}

/**
 * Both, for a placement taken up again on `date` (the return from a temporary placement), and the
 * later withdrawals of placement types with a successor (H5, Z1 from 2025/26).
 */
export function placementAllowedOn(placement: PlacementDetails, date: string, field: Field): void {
  noP2FromRegistration(placement.placementType, date, field);
  urnFromRegistration(placement, date, field);
  usualPlacementNotWithdrawn(placement, date);
}

/**
 * An entry on `date` that starts or ends an episode. `keepsPlacement`: the child stays where they
 * are in a new episode (a legal status change), so on 28 October itself that is already a P2 or
 * URN-less H5 episode starting that day. Every such entry calls this one function, so it also
 * checks the later withdrawals with a successor (withdrawn-placement-types.ts: H5 → K3 and Z1 →
 * Z11–Z14 from 1 April 2025); `moveTo`, the placement a ChangePlacement records, lets the
 * re-recording in the successor through.
 */
export function currentPlacementEndedByRegistration(
  state: JourneyState,
  date: string,
  keepsPlacement: boolean,
  moveTo?: Pick<PlacementDetails, 'placementType'>,
): void {
  currentPlacementNotWithdrawn(state, date, keepsPlacement, moveTo);
  const current = state.currentPlacement;
  if (!current || !endsByRegistration(current)) return;
  if (!(date > FROM || (keepsPlacement && date === FROM))) return;
  if (current.placementType === 'P2') {
    violation(
      'p2-not-ended-by-2023-10-28',
      `The child has been in P2 (independent living) since ${current.startDate}; P2 is not a placement from 28 October 2023 (903 rule 217t), so it ends on or before 2023-10-28. Record the move out of it (a placement change) on or before that day before an entry dated ${date}.`,
      'effectiveDate',
    );
  }
  violation(
    'supported-accommodation-urn-not-recorded-by-2023-10-28',
    `The child has been in ${current.placementType} since ${current.startDate} with no Ofsted URN; from 28 October 2023 the setting must be registered with Ofsted (903 rule 230). Record its URN (a placement change, same carer, reason PLACE) or the move out of it on or before 2023-10-28 before an entry dated ${date}.`,
    'effectiveDate',
  );
}
