/**
 * Realistic data for specs: a girl born 2019-03-02 who enters care on 2024-05-10 under an interim
 * care order (C1), with a local authority foster carer (U6, PR1), because of neglect (N1).
 */
import type { CommandMeta } from '../commands';
import type { JourneyEvent, PlacementDetails } from '../events';

export const CHILD = 'c-7f3a';
export const DOB = '2019-03-02';
export const CARE_START = '2024-05-10';

export const meta = (now = '2025-06-30T10:00:00Z'): CommandMeta => ({ now, recordedBy: 'sw-jones' });

export const fosterU6: PlacementDetails = {
  placementType: 'U6',
  provider: 'PR1',
  postcode: 'LS6 2AB',
  urn: 'SC123456',
  inArea: true,
};
export const fosterU4: PlacementDetails = {
  placementType: 'U4',
  provider: 'PR4',
  postcode: 'LS7 1XY',
  urn: 'SC654321',
  inArea: true,
};

export const registered: JourneyEvent = {
  type: 'ChildRegistered',
  data: {
    childId: CHILD,
    effectiveDate: '2024-05-01',
    childRef: 'LA-2024-0117',
    name: 'Amira Hassan',
    dateOfBirth: DOB,
    sex: '2',
    ethnicity: 'AOTH',
    upn: 'A123456789012',
    homePostcode: 'LS8 3QQ',
    uasc: false,
    relinquishedAtBirth: false,
    team: 'North CLA',
    socialWorker: 'sw-jones',
  },
};

export const careStarted = (
  date = CARE_START,
  legalStatus = 'C1',
  placement: PlacementDetails = fosterU6,
): JourneyEvent => ({
  type: 'PeriodOfCareStarted',
  data: { childId: CHILD, effectiveDate: date, legalStatus, categoryOfNeed: 'N1', placement },
});

export const careEnded = (date: string, reason = 'E4A'): JourneyEvent => ({
  type: 'PeriodOfCareEnded',
  data: { childId: CHILD, effectiveDate: date, reason },
});

export const placementChanged = (
  date: string,
  placement: PlacementDetails = fosterU4,
  reasonForChange = 'CARPL',
  sameCarer = false,
): JourneyEvent => ({
  type: 'PlacementChanged',
  data: { childId: CHILD, effectiveDate: date, placement, reasonForChange, sameCarer },
});

export const legalStatusChanged = (date: string, legalStatus: string): JourneyEvent => ({
  type: 'LegalStatusChanged',
  data: { childId: CHILD, effectiveDate: date, legalStatus },
});

export const reviewHeld = (date: string, participation = 'PN1'): JourneyEvent => ({
  type: 'StatutoryReviewHeld',
  data: { childId: CHILD, effectiveDate: date, participation },
});

/** Dated steps with no other data. */
export const step = <
  T extends
    | 'AdoptionDecisionMade'
    | 'PlacementOrderGranted'
    | 'AdoptionConsentGiven'
    | 'MatchedWithAdopters'
    | 'MissingEpisodeEnded'
    | 'TemporaryPlacementEnded',
>(
  type: T,
  date: string,
): JourneyEvent => ({ type, data: { childId: CHILD, effectiveDate: date } }) as JourneyEvent;

/** Registered and in care since 2024-05-10 (C1, U6 with PR1). */
export const inCare: JourneyEvent[] = [registered, careStarted()];

/** In care, with an adoption decision, placement order and match. */
export const matched: JourneyEvent[] = [
  ...inCare,
  legalStatusChanged('2024-07-01', 'C2'),
  step('AdoptionDecisionMade', '2024-08-01'),
  step('PlacementOrderGranted', '2024-10-01'),
  step('MatchedWithAdopters', '2025-01-15'),
];
