import {
  dateOfInstant,
  endOfDateInEngland,
  isValidCalendarDate,
  resolveCorrections,
  type CalendarDate,
  type StoredJourneyEvent,
} from '@care-journey/journey';
import {
  asAt,
  correctionLinks,
  knownAt,
  parseReplayPoint,
  type CorrectionLink,
  type ReplayPoint,
} from '@care-journey/audit';
import { isInSupportedYears, supportedYearsMessage } from '../../http/supported-dates';
import {
  buildSummary,
  evaluateDrift,
  flagHistory,
  type DriftConfig,
  type DriftEvaluation,
  type FlagHistoryEntry,
  type JourneySummary,
} from '@care-journey/projections';
import type { FieldMessage } from '../html/components';
import { beforeRegistration, type BeforeRegistration } from './before-registration';
import { withdrawnEntries, type WithdrawnEntry } from './withdrawn-entries';
import { shownUntilRecorded, type ShownUntilRecorded } from '@care-journey/audit';

/** The child as the panel sees them at a replay point: the summary, flags, and every entry. */
export interface ChildJourney {
  point: ReplayPoint;
  /** Date flags are evaluated on: asAt, else the knownAt day, else today. */
  driftDate: CalendarDate;
  summary: JourneySummary;
  drift: DriftEvaluation;
  history: FlagHistoryEntry[];
  /** Steps taken in time but recorded after their due date: the flag showed overdue until recorded. */
  shownUntilRecorded: ShownUntilRecorded[];
  /** Entries effective by asAt and known by knownAt, after corrections, in recording order. */
  entries: StoredJourneyEvent[];
  /** Corrections known at the point, by corrected entry id. */
  corrections: Map<string, CorrectionLink[]>;
  /** Later-recorded entries hidden by knownAt (so the page can say how much is not yet known). */
  unknownYet: number;
  /** Entries withdrawn (known at the point): shown apart, with when, by whom and why. */
  withdrawn: WithdrawnEntry[];
  /** Set when the replay point is before the child was registered: who the child is, and since when known. */
  notYetRegistered?: BeforeRegistration;
}

export interface ReplayForm {
  point: ReplayPoint;
  errors: FieldMessage[];
  raw: { asAt: string; knownAt: string };
}

/** knownAt may be a bare date (meaning the end of that day in England) or an instant with a zone. */
export function parseReplayForm(query: Record<string, unknown>): ReplayForm {
  const raw = {
    asAt: typeof query.asAt === 'string' ? query.asAt.trim() : '',
    knownAt: typeof query.knownAt === 'string' ? query.knownAt.trim() : '',
  };
  const knownAtValue = isValidCalendarDate(raw.knownAt) ? endOfDateInEngland(raw.knownAt) : raw.knownAt;
  const parsed = parseReplayPoint({ asAt: raw.asAt, knownAt: knownAtValue });
  // The API's one bound on dates (a year like 9999 would put the timeline outside the calendar).
  const outOfYears = (['asAt', 'knownAt'] as const).filter((field) => !isInSupportedYears(raw[field]));
  if ('point' in parsed && outOfYears.length === 0) return { point: parsed.point, errors: [], raw };
  const messages: Record<string, string> = {
    asAt: 'As at must be a real date, YYYY-MM-DD, for example 2024-09-30',
    knownAt:
      'As known at must be a date (YYYY-MM-DD) or a date and time with a zone, for example 2024-10-01T09:00:00Z',
  };
  const labels = { asAt: 'As at', knownAt: 'As known at' };
  const shapeErrors = ('errors' in parsed ? parsed.errors : []).map((e) => ({
    fieldId: e.field,
    message: messages[e.field] ?? `${e.field} ${e.rule}`,
  }));
  const errors = [
    ...shapeErrors,
    ...outOfYears
      .filter((field) => !shapeErrors.some((e) => e.fieldId === field))
      .map((field) => ({ fieldId: field, message: supportedYearsMessage(labels[field]) })),
  ];
  const point: ReplayPoint = {};
  if (!errors.some((e) => e.fieldId === 'asAt') && raw.asAt) point.asAt = raw.asAt;
  return { point, errors, raw };
}

/**
 * Replays the stream with the audit library's own filters, then evaluates drift on the result.
 * With no replay point the read model's summary is the answer already: it is used, not refolded.
 */
export function childJourney(
  childId: string,
  events: readonly StoredJourneyEvent[],
  point: ReplayPoint,
  today: CalendarDate,
  config: DriftConfig,
  current?: JourneySummary,
): ChildJourney {
  const known = knownAt(events, point.knownAt);
  const entries = asAt(resolveCorrections(known), point.asAt);
  const replaying = point.asAt !== undefined || point.knownAt !== undefined;
  const summary = !replaying && current ? current : buildSummary(childId, entries);
  const driftDate = point.asAt ?? (point.knownAt ? dateOfInstant(point.knownAt) : today);
  return {
    point,
    driftDate,
    summary,
    drift: evaluateDrift(summary, driftDate, config),
    history: flagHistory(summary, driftDate, config),
    shownUntilRecorded: shownUntilRecorded(summary, driftDate, config, new Map(known.map((e) => [e.id, e]))),
    entries,
    corrections: correctionLinks(known),
    withdrawn: withdrawnEntries(known, point.asAt),
    unknownYet: events.length - known.length,
    notYetRegistered: replaying ? beforeRegistration(events, entries) : undefined,
  };
}
