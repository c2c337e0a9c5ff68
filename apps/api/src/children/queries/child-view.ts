import type { CalendarDate, PermanenceRoute } from '@care-journey/journey';

/** How much of the child an answer holds, by the caller's role (auth/personal-data.ts). */
export type ChildViewKind = 'full' | 'panel' | 'pseudonymised';

/** GET /children/:id — the child's journey now. Personal fields are absent for roles that may not see them. */
export interface ChildView {
  childId: string;
  /** Stream revision the view was built from (also the ETag). */
  revision: string;
  /**
   * What this answer holds of the child (review s15 F11): `full` as recorded; `panel` name and date of
   * birth, no UPN, postcodes as districts, no URN; `pseudonymised` no direct identifier (no name, date
   * of birth, UPN or home postcode), still personal data: ids, reference, codes and dates.
   */
  view: ChildViewKind;
  /**
   * Deprecated (use `view`; to be removed after session 16): whether the child's name and date of
   * birth are included, true for `full` and `panel`. Until session 15 it was false for the panel too,
   * beside the name and date of birth, and read as "no personal data" (review s15 F11).
   */
  personalDataIncluded: boolean;
  child: {
    childRef: string;
    name?: string;
    dateOfBirth?: CalendarDate;
    upn?: string;
    homePostcode?: string;
    sex: '1' | '2';
    ethnicity: string;
    uasc: boolean;
    relinquishedAtBirth: boolean;
    knownSince: CalendarDate;
  } | null;
  allocation: { team: string; socialWorker: string; since: CalendarDate } | null;
  inCare: boolean;
  legalStatus: string | null;
  periodOfCare: { startDate: CalendarDate; categoryOfNeed: string; legalStatus: string } | null;
  currentPlacement: {
    placementType: string;
    provider?: string;
    postcode?: string;
    urn?: string;
    inArea?: boolean;
    startDate: CalendarDate;
    kind: string;
  } | null;
  /** While away on a temporary placement: where the child will return. */
  usualPlacement: { placementType: string; startDate: CalendarDate } | null;
  permanencePlan: { route: PermanenceRoute; since: CalendarDate } | null;
  lastReview: { date: CalendarDate; participation: string } | null;
  nextReviewDue: CalendarDate | null;
  /** The adoption route in the latest period of care, or null when none was decided. */
  adoption: {
    status: 'open' | 'reversed' | 'completed';
    steps: { step: string; date: CalendarDate; detail?: string }[];
  } | null;
  missingEpisodeOpen: boolean;
  /**
   * Set when the registration was withdrawn as made in error (RegistrationRetracted): `child` and
   * the rest are then empty. `at` is when it was recorded (UTC), `by` who withdrew it; `reason` only
   * for the roles that read correction reasons (not the panel or reporting jobs). Null otherwise.
   */
  registrationWithdrawn: { at: string; by: string; reason?: string } | null;
}
