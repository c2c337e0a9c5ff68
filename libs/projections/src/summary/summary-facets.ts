/**
 * The parts of a summary an event folded at the end of a child's life can change, so a reader
 * that derived something from some parts (a drift rule's obligations) knows whether to derive
 * it again. 'all' whenever in doubt: a refold, a new or ended period, a registration, an unknown
 * event type.
 */
import type { StoredJourneyEvent } from '@care-journey/journey';
import type { JourneySummary } from './journey-summary';

export type SummaryFacet =
  /** Registration facts: date of birth, relinquished at birth, registration event. */
  | 'child'
  /**
   * Which periods there are, each one's start, first legal status (set when it starts: it tells a
   * short-break period), end, ending reason and ending event.
   */
  | 'period'
  /** Legal statuses after a period's first. */
  | 'legalStatuses'
  /** Placement runs (start, end, types), not temporary stays. */
  | 'placements'
  | 'temporaryStays'
  /** Any review. */
  | 'reviews'
  /** A period's first two reviews (what DR01, DR02, DR04 and DR09 look at). */
  | 'firstReviews'
  | 'plans'
  | 'audits'
  | 'adoption'
  | 'missing'
  | 'allocations';

export type FacetChange = readonly SummaryFacet[] | 'all';

const BY_TYPE: Record<string, FacetChange> = {
  AllocationChanged: ['allocations'],
  LegalStatusChanged: ['legalStatuses'],
  PlacementChanged: ['placements'],
  TemporaryPlacementStarted: ['temporaryStays'],
  TemporaryPlacementEnded: ['temporaryStays'],
  PermanencePlanSet: ['plans'],
  GoingHomeAuditCompleted: ['audits'],
  AdoptionDecisionMade: ['adoption'],
  PlacementOrderGranted: ['adoption', 'legalStatuses'],
  AdoptionConsentGiven: ['adoption'],
  AdoptionDecisionReversed: ['adoption'],
  MatchedWithAdopters: ['adoption'],
  PlacedForAdoption: ['adoption', 'placements'],
  AdoptionOrderGranted: ['adoption'],
  MissingEpisodeStarted: ['missing'],
  MissingEpisodeEnded: ['missing'],
  // Recorded outcomes (903 OC2/OC3) are not in the summary: only eventCount moves, no rule reads it.
  AnnualHealthOutcomesRecorded: [],
  CareLeaverContactRecorded: [],
};

/**
 * Whether events of this type change nothing in a summary but its eventCount (no facet): such an
 * event gives the same summary folded anywhere in the child's life, so it never needs a refold.
 */
export function countsOnly(type: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(BY_TYPE, type)) return false;
  const change = BY_TYPE[type];
  return change !== 'all' && change.length === 0;
}

const LATER_REVIEW: FacetChange = ['reviews'];
const EARLY_REVIEW: FacetChange = ['reviews', 'firstReviews'];

/**
 * What applyEvent (apply-event.ts) may have changed when it folded `event` in place into
 * `summary` (asked after the fold). Keep in step with applyEvent.
 */
export function facetsChangedBy(event: StoredJourneyEvent, summary: JourneySummary): FacetChange {
  if (event.type === 'StatutoryReviewHeld') {
    // A review is appended to the open period's reviews: a third or later one leaves the first two.
    const last = summary.periods.at(-1);
    return last !== undefined && last.end === undefined && last.reviews.length > 2
      ? LATER_REVIEW
      : EARLY_REVIEW;
  }
  return Object.prototype.hasOwnProperty.call(BY_TYPE, event.type) ? BY_TYPE[event.type] : 'all';
}
