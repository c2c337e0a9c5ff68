import { endOfDateInEngland, type CalendarDate } from '@care-journey/journey';
import {
  DRIFT_RULES,
  driftReport,
  summaryFromStream,
  type DriftConfig,
  type DriftRuleId,
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
  /** The rules and thresholds it was judged with: this build's, not those in force at knownAt. */
  judgedWith: JudgedWith;
}

/**
 * The rule set a replay used. Rules and thresholds are not recorded in the log, so a replay "as
 * known at K" judges with the running build's rules and the configured thresholds: a rule added,
 * or a threshold changed, since K shows flags nobody could have seen at K (docs/audit.md).
 */
export interface JudgedWith {
  rules: 'this build';
  ruleIds: DriftRuleId[];
  thresholds: DriftConfig;
}

export const judgedWith = (config: DriftConfig): JudgedWith => ({
  rules: 'this build',
  ruleIds: DRIFT_RULES.map((rule) => rule.id),
  thresholds: config,
});

/** knownAt when none is given: the end of asAt in England (everything recorded on the day counts). */
export const defaultKnownAt = (asAt: CalendarDate): string => endOfDateInEngland(asAt);

/**
 * Each child's summary is built from the events known at knownAt (corrections recorded later are
 * left out, so the original entry stands), then the live report's own function judges them on
 * asAt with the same rules and thresholds: as known now, it is the live report. The rules and
 * thresholds are this build's, whatever was in force at knownAt (`judgedWith` says so). Pure.
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
    judgedWith: judgedWith(config),
  };
}
