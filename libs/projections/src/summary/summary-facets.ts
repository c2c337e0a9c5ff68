/**
 * The parts of a summary an event folded at the end of a child's life can change, so a reader
 * that derived something from some parts (a drift rule's obligations) knows whether to derive
 * it again. 'all' whenever in doubt: a refold, a new or ended period, a registration, an unknown
 * event type.
 */
import { isShortBreak, type StoredJourneyEvent } from '@care-journey/journey';
import type { JourneySummary } from './journey-summary';
import { reviewsInLastPart } from './periods-off-short-breaks';

export type SummaryFacet =
  /** Registration facts: date of birth, relinquished at birth, registration event. */
  | 'child'
  /**
   * Which periods there are, each one's start, first legal status, end, ending reason and ending
   * event, and where its short breaks (V3/V4) start and stop: the parts of it that count.
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
  /** Statutory visits (reg 28). */
  | 'visits'
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
  StatutoryVisitRecorded: ['visits'],
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
const SHORT_BREAKS_TURNED: FacetChange = ['legalStatuses', 'period'];
const ORDER_TURNED_SHORT_BREAKS: FacetChange = ['adoption', 'legalStatuses', 'period'];

/** A legal status appended to the open period that starts or ends short breaks changes its counted parts. */
function turnsShortBreaks(summary: JourneySummary): boolean {
  const statuses = summary.periods.at(-1)?.legalStatuses ?? [];
  const [before, last] = statuses.slice(-2);
  return before !== undefined && last !== undefined && isShortBreak(before.code) !== isShortBreak(last.code);
}
const EARLY_REVIEW: FacetChange = ['reviews', 'firstReviews'];
/** A return re-recorded in the successor type (H5 → K3) also adds a same-carer type to the run. */
const RETURN_RE_RECORDED: FacetChange = ['temporaryStays', 'placements'];

/**
 * What applyEvent (apply-event.ts) may have changed when it folded `event` in place into
 * `summary` (asked after the fold). Keep in step with applyEvent.
 */
export function facetsChangedBy(event: StoredJourneyEvent, summary: JourneySummary): FacetChange {
  if (event.type === 'StatutoryReviewHeld') {
    // A review is appended to the open period's reviews: a third or later one in its counted part
    // (after short breaks: from the day the child became looked after otherwise) leaves the first two.
    const last = summary.periods.at(-1);
    return last !== undefined && last.end === undefined && (reviewsInLastPart(last) ?? 0) > 2
      ? LATER_REVIEW
      : EARLY_REVIEW;
  }
  if (event.type === 'LegalStatusChanged' && turnsShortBreaks(summary)) return SHORT_BREAKS_TURNED;
  if (event.type === 'PlacementOrderGranted' && turnsShortBreaks(summary)) return ORDER_TURNED_SHORT_BREAKS;
  if (event.type === 'TemporaryPlacementEnded' && event.data.reRecordedAs !== undefined)
    return RETURN_RE_RECORDED;
  return Object.prototype.hasOwnProperty.call(BY_TYPE, event.type) ? BY_TYPE[event.type] : 'all';
}
