import { endOfDateInEngland, type CalendarDate } from '@care-journey/journey';
import {
  driftReport,
  summaryFromStream,
  type DriftConfig,
  type DriftReport,
  type DriftReportFilter,
} from '../replay/journey-domain';
import type { KnownJourneys } from './known-journeys';

/** The authority's drift report as it stood on asAt, from what was recorded by knownAt. */
export interface AuthorityDriftAsKnown extends DriftReport {
  knownAt: string;
  /** Global position the log was read up to (null: an empty log). */
  head: string | null;
  /** Journey events read, and of those the ones recorded by knownAt. */
  eventsRead: number;
  eventsKnown: number;
  /** Children with at least one event recorded by knownAt. */
  childrenKnown: number;
}

/** knownAt when none is given: the end of asAt in England (everything recorded on the day counts). */
export const defaultKnownAt = (asAt: CalendarDate): string => endOfDateInEngland(asAt);

/**
 * Each child's summary is built from the events known at knownAt (corrections recorded later are
 * left out, so the original entry stands), then the live report's own function judges them on
 * asAt with the same rules and thresholds: as known now, it is the live report. Pure.
 */
export function authorityDriftAsKnown(
  known: KnownJourneys,
  asAt: CalendarDate,
  config: DriftConfig,
  filter: DriftReportFilter = {},
): AuthorityDriftAsKnown {
  const summaries = [...known.byChild].map(([childId, events]) => summaryFromStream(childId, events));
  return {
    ...driftReport(summaries, asAt, config, filter),
    knownAt: known.knownAt,
    head: known.head?.toString() ?? null,
    eventsRead: known.eventsRead,
    eventsKnown: known.eventsKnown,
    childrenKnown: known.byChild.size,
  };
}
