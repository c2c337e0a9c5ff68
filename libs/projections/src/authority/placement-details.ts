/**
 * What the journey summary leaves out and the authority measures need: each placement's provider,
 * postcode and in-area flag (by the id of the event that set it) and the child's home postcode.
 * Read from the child's events with corrections resolved, so an amended postcode is the one used.
 */
import { resolveCorrections, type PlacementDetails, type StoredJourneyEvent } from '@care-journey/journey';
import { summaryFromStream } from '../summary/build-summary';
import type { JourneySummary } from '../summary/journey-summary';

export interface ChildPlacementDetails {
  homePostcode?: string;
  /** Placement details keyed by the id of the event that recorded them. */
  byEventId: Record<string, PlacementDetails>;
}

/** One child's input to the authority measures. */
export interface AuthorityChildInput {
  summary: JourneySummary;
  details: ChildPlacementDetails;
}

export function placementDetailsFromEvents(
  effectiveEvents: readonly StoredJourneyEvent[],
): ChildPlacementDetails {
  const details: ChildPlacementDetails = { byEventId: {} };
  for (const event of effectiveEvents) {
    switch (event.type) {
      case 'ChildRegistered':
        details.homePostcode = event.data.homePostcode;
        break;
      case 'PeriodOfCareStarted':
      case 'PlacementChanged':
      case 'PlacedForAdoption':
        details.byEventId[event.id] = event.data.placement;
        break;
      default:
        break;
    }
  }
  return details;
}

/** The summary and the placement details of one child's stream as stored (corrections included). */
export function authorityInputFromStream(
  childId: string,
  storedEvents: readonly StoredJourneyEvent[],
): AuthorityChildInput {
  return {
    summary: summaryFromStream(childId, storedEvents),
    details: placementDetailsFromEvents(resolveCorrections(storedEvents)),
  };
}
