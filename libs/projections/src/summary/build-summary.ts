/**
 * Builds a child's journey summary from the child's effective events (corrections already
 * resolved). Pure: the same events always give the same summary, whatever order they were
 * recorded in, because facts are folded in effective-date order (recording order breaks ties).
 */
import type { StoredJourneyEvent } from '@care-journey/journey';
import { emptySummary, type JourneySummary } from './journey-summary';
import { applyEvent } from './apply-event';

export function buildSummary(childId: string, effectiveEvents: readonly StoredJourneyEvent[]): JourneySummary {
  const summary = emptySummary(childId);
  for (const event of inEffectiveOrder(effectiveEvents)) applyEvent(summary, event);
  return summary;
}

/** Stable sort by effective date, so a back-dated entry lands where it belongs in the child's life. */
export function inEffectiveOrder(events: readonly StoredJourneyEvent[]): StoredJourneyEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) =>
      a.event.data.effectiveDate < b.event.data.effectiveDate
        ? -1
        : a.event.data.effectiveDate > b.event.data.effectiveDate
          ? 1
          : a.index - b.index,
    )
    .map(({ event }) => event);
}
