/**
 * The parts of a summary an event folded at the end of a child's life can change, so a reader
 * that derived something from some parts (a drift rule's obligations) knows whether to derive
 * it again. 'all' whenever in doubt: a refold, a new or ended period, a registration, an unknown
 * event type.
 */
import type { StoredJourneyEvent } from '@care-journey/journey';

export type SummaryFacet =
  /** Registration facts: date of birth, relinquished at birth, registration event. */
  | 'child'
  /** A period's start, end, ending reason and ending event (and which periods there are). */
  | 'period'
  | 'legalStatuses'
  /** Placement runs (start, end, types), not temporary stays. */
  | 'placements'
  | 'temporaryStays'
  | 'reviews'
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
  StatutoryReviewHeld: ['reviews'],
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
};

/** What applyEvent (apply-event.ts) may change when it folds `event` in place. Keep in step with it. */
export const facetsChangedBy = (event: StoredJourneyEvent): FacetChange =>
  Object.prototype.hasOwnProperty.call(BY_TYPE, event.type) ? BY_TYPE[event.type] : 'all';
