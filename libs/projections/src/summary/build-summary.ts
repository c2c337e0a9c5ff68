/**
 * Builds a child's journey summary from the child's stored events. Pure: corrections are read
 * through first (the domain's resolveCorrections), then facts are folded in the order of the
 * child's life (the domain's sortByEffectiveDate), so recording order never changes the result.
 */
import { resolveCorrections, sortByEffectiveDate, type StoredJourneyEvent } from '@care-journey/journey';
import { emptySummary, type JourneySummary } from './journey-summary';
import { applyEvent } from './apply-event';

/** From effective events (corrections already resolved). */
export function buildSummary(
  childId: string,
  effectiveEvents: readonly StoredJourneyEvent[],
): JourneySummary {
  const summary = emptySummary(childId);
  for (const event of sortByEffectiveDate(effectiveEvents)) applyEvent(summary, event);
  return summary;
}

/** From the stream as stored, corrections included. */
export const summaryFromStream = (
  childId: string,
  storedEvents: readonly StoredJourneyEvent[],
): JourneySummary => buildSummary(childId, resolveCorrections(storedEvents));
