import { dateInEngland, type CalendarDate, type StoredJourneyEvent } from '@care-journey/journey';
import {
  evaluateDrift,
  flagHistory,
  summaryFromStream,
  type DriftConfig,
  type DriftEvaluation,
  type FlagHistoryEntry,
} from '../replay/journey-domain';
import { knownAt as recordedBy } from '../replay/replay-history';
import { knownAtInstant, type AsKnownPoint } from './as-known-point';
import { judgedWith, type JudgedWith } from './authority-drift-as-known';
import { shownUntilRecorded, type ShownUntilRecorded } from './shown-until-recorded';

/** One child's flags as the authority's drift report as known at an instant would judge them. */
export interface ChildFlagsAsKnown extends DriftEvaluation {
  asAt: CalendarDate;
  /** An instant, normalised to UTC. */
  knownAt: string;
  /** The child's 903 reference as known then (absent when nothing about the child was known). */
  childRef?: string;
  /** The child's events recorded at or before knownAt (0: nothing about the child was on record yet). */
  eventsKnown: number;
  /** Every flag the child had up to asAt, as known at knownAt: when each opened and closed. */
  history: FlagHistoryEntry[];
  /** The rules and thresholds it was judged with: this build's, not those in force at knownAt. */
  judgedWith: JudgedWith;
  /**
   * Steps held in time but recorded late, as known then (review s16-ofsted F2): from the same summary,
   * so the API's ?knownAt=, `audit replay --flags` and the SAR's flags.json give the same trace.
   */
  shownUntilRecorded: ShownUntilRecorded[];
}

/**
 * The point for one child's flags: knownAt (a bare date is the end of that day in England, as on the
 * drift report as known), judged on asAt, by default the day of knownAt in England (as the case-history
 * replay judges drift). Both values already checked by the caller.
 */
export function childFlagsPoint(knownAt: string, asAt?: CalendarDate): AsKnownPoint {
  const instant = knownAtInstant(knownAt);
  return { knownAt: instant, asAt: asAt ?? dateInEngland(instant) };
}

/**
 * The child's summary from only the events recorded by knownAt (a correction recorded later is left
 * out, so the original entry stands), judged on asAt by the live rules: as the authority drift report
 * as known does for every child, so as known now it is the live GET /children/:id/flags. Pure.
 */
export function childFlagsAsKnown(
  childId: string,
  events: readonly StoredJourneyEvent[],
  point: AsKnownPoint,
  config: DriftConfig,
): ChildFlagsAsKnown {
  const known = recordedBy(events, point.knownAt);
  const base = {
    asAt: point.asAt,
    knownAt: point.knownAt,
    eventsKnown: known.length,
    judgedWith: judgedWith(config),
  };
  if (known.length === 0) return { ...base, flags: [], dueSoon: [], history: [], shownUntilRecorded: [] };
  const summary = summaryFromStream(childId, known);
  return {
    ...base,
    childRef: summary.childRef,
    ...evaluateDrift(summary, point.asAt, config),
    history: flagHistory(summary, point.asAt, config),
    shownUntilRecorded: shownUntilRecorded(
      summary,
      point.asAt,
      config,
      new Map(known.map((event) => [event.id, event])),
    ),
  };
}
