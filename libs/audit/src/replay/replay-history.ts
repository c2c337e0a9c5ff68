import { dateOfInstant, type StoredJourneyEvent } from '@care-journey/journey';
import { correctionLinks, type CorrectionLink } from './correction-links';
import {
  buildSummary,
  DEFAULT_DRIFT_CONFIG,
  evaluateDrift,
  flagHistory,
  foldJourney,
  resolveCorrections,
  type DriftConfig,
  type DriftEvaluation,
  type FlagHistoryEntry,
  type JourneyState,
} from './journey-domain';
import type { ReplayPoint } from './replay-point';

/** An entry that produced the replayed state: its data as corrected so far, and by which corrections. */
export interface ReplayedEntry {
  eventId: string;
  type: string;
  effectiveDate: string;
  recordedAt: string;
  recordedBy: string;
  data: Record<string, unknown>;
  /** Amendments known at the point, in recording order (empty when the entry stands as first recorded). */
  amendedBy: CorrectionLink[];
  /** The data as first recorded, when amendments changed it. */
  originalData?: Record<string, unknown>;
}

/** The journey state without the raw stream copies the fold keeps for itself. */
export type ReplayedState = Omit<JourneyState, 'history' | 'events'>;

export interface CaseHistory {
  point: ReplayPoint;
  /** Every stored event known at the point, corrections included, in recording order. */
  knownEventIds: string[];
  /** Corrections known at the point, by corrected entry id (retractions included). */
  corrections: Record<string, CorrectionLink[]>;
  /** Live entries effective by asAt, in effective-date order. */
  entries: ReplayedEntry[];
  state: ReplayedState;
  /**
   * Drift flags open (and due soon) on `driftDate`, from the entries above. Absent when no date
   * is known: neither asAt, knownAt nor `today` was given.
   */
  drift?: DriftEvaluation & { driftDate: string; history?: FlagHistoryEntry[] };
}

export interface ReplayOptions {
  /** Today's date, for drift when the point gives no date of its own. */
  today?: string;
  driftConfig?: DriftConfig;
  /**
   * Add each flag's history (opened/closed) on the drift date to `drift.history`: what an auditor
   * needs for "when was it known the review was late". Off for diffs and the replay bench.
   */
  withFlagHistory?: boolean;
}

const instant = (iso: string): number => Date.parse(iso);

/**
 * The stream's events up to the first one recorded after knownAt: a prefix, in revision order, never
 * a later event without one before it (review s18-es F2: an amendment known without its entry). A
 * correction recorded later is itself left out, so the original stands. The API stamps recordedAt
 * monotonic per stream (monotonic-now.ts); should a stream still go back in recordedAt, the replay
 * stops at the first later event rather than leave a hole.
 */
export function knownAt(events: readonly StoredJourneyEvent[], at: string | undefined): StoredJourneyEvent[] {
  if (at === undefined) return [...events];
  const limit = instant(at);
  const later = events.findIndex((event) => instant(event.recordedAt) > limit);
  return later < 0 ? [...events] : events.slice(0, later);
}

/** Resolved entries effective on or before asAt (after corrections, so an amended date counts). */
export function asAt(resolved: readonly StoredJourneyEvent[], at: string | undefined): StoredJourneyEvent[] {
  return at === undefined ? [...resolved] : resolved.filter((event) => event.data.effectiveDate <= at);
}

/**
 * The case history at a point: filter by knownAt, resolve corrections, filter by asAt, fold.
 * `events` is the child's whole stream in recording order. Pure.
 */
export function replayHistory(
  events: readonly StoredJourneyEvent[],
  point: ReplayPoint,
  options: ReplayOptions = {},
): CaseHistory {
  const known = knownAt(events, point.knownAt);
  const links = correctionLinks(known);
  const originals = new Map(known.map((event) => [event.id, event.data as Record<string, unknown>]));
  const effective = asAt(resolveCorrections(known), point.asAt);
  const { history: _h, events: _e, ...state } = foldJourney(effective);
  const entries = effective
    .map((event): ReplayedEntry => {
      const amendedBy = (links.get(event.id) ?? []).filter((link) => link.kind === 'amended');
      const data = event.data as Record<string, unknown>;
      return {
        eventId: event.id,
        type: event.type,
        effectiveDate: event.data.effectiveDate,
        recordedAt: event.recordedAt,
        recordedBy: event.recordedBy,
        data,
        amendedBy,
        ...(amendedBy.length > 0 && { originalData: originals.get(event.id) }),
      };
    })
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
  const history: CaseHistory = {
    point,
    knownEventIds: known.map((event) => event.id),
    corrections: Object.fromEntries(links),
    entries,
    state,
  };
  const driftDate = point.asAt ?? (point.knownAt && dateOfInstant(point.knownAt)) ?? options.today;
  if (driftDate === undefined || state.childId === undefined) return history;
  const summary = buildSummary(state.childId, effective);
  const config = options.driftConfig ?? DEFAULT_DRIFT_CONFIG;
  const drift = evaluateDrift(summary, driftDate, config);
  const flags = options.withFlagHistory ? { history: flagHistory(summary, driftDate, config) } : {};
  return { ...history, drift: { driftDate, ...drift, ...flags } };
}
