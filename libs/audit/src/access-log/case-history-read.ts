/**
 * The read-access trail: every read of a child's case history is itself an event in the log,
 * on a daily stream `access-log-YYYY-MM-DD` (UTC day of the read). Being in the event log, it is
 * append-only and hash-chained like a journey; projections read `journey-` streams only, so
 * these never disturb them.
 */
import { assertKnownSchemaVersion, type VersionedStoredEvent } from '@care-journey/journey';
import type { EventMetadata, NewEvent } from '../store';

export const CASE_HISTORY_READ = 'CaseHistoryRead';
export const ACCESS_LOG_STREAM_PREFIX = 'access-log-';
export const ACCESS_LOG_SCHEMA_VERSION = 1;

/**
 * Which view of the case history was read ('events': the child's stored events; 'log': the whole
 * log, childId '*'; 'summary': the child now, GET /children/:id; 'form': a record form that shows
 * the child's name and pre-fills their recorded data; 'flags': a child's open flags and flag history,
 * GET /children/:id/flags, JSON or CSV). A list of children by name is a read of each
 * child named in it: 'search' (the child search's results), 'drift' (the drift report's rows),
 * 'measures' (the children behind a measure: stability, permanence, scorecard, a monthly measure's
 * children), 'export' (a read-model export with names and dates of birth) and 'export903' (the
 * SSDA903 return: UPNs, dates of birth, postcodes), childId '*' and the ids shown in childIds.
 */
export type CaseHistoryView =
  | 'history'
  | 'diff'
  | 'chronology'
  | 'verify'
  | 'bundle'
  /** A subject access export, `care-journey sar`: the record, chronology, bundle, flags and trail. */
  | 'sar'
  | 'events'
  | 'log'
  /** A page of the projection change feed, GET /feed: childId '*', the children whose changes it held. */
  | 'feed'
  | 'search'
  | 'drift'
  | 'measures'
  | 'export'
  | 'export903'
  /** The care leavers with an OC3 contact due, `care-journey care-leaver-contacts`: childId '*', the children listed. */
  | 'careLeavers'
  | 'summary'
  | 'form'
  | 'flags'
  /** A request about a child out of the reader's scope (socialWorkerScope), answered 404: query says what was asked. */
  | 'refused';

/**
 * How far the read models a list was built from had got through the log (the live drift report is
 * read from them, not from the log): the last position in them, the head, the entries between, and
 * whether that was all of it. Entries recorded before this field was kept have none.
 */
export type ReadModelsPosition = {
  complete: boolean;
  position: string | null;
  head: string | null;
  behind: string;
  reason?: string;
  since?: string;
};

// A type alias, not an interface, so it is assignable to the store's Record<string, unknown> data.
export type CaseHistoryReadData = {
  childId: string;
  role: string;
  view: CaseHistoryView;
  /** The reader's stated reason, when given. */
  reason?: string;
  /** The query that was answered (asAt, knownAt, from, to …), for a precise trail. */
  query?: Record<string, string>;
  /** A list read ('search', 'drift', 'measures', 'export', 'export903'): the ids of the children it showed by name (names are not kept here). */
  childIds?: string[];
  /** A live drift report read: the read models it was built from (absent from older entries). */
  readModels?: ReadModelsPosition;
};

export const accessLogStream = (readAt: string): string =>
  `${ACCESS_LOG_STREAM_PREFIX}${readAt.slice(0, 10)}`;

/**
 * Who ran a command-line read, as the operating system knows them (review s15 F10): `--by` is typed
 * by the operator, so the trail keeps the OS account and host beside it.
 */
export interface OperatorIdentity {
  osUser: string;
  host: string;
}

export interface CaseHistoryReadInput extends CaseHistoryReadData {
  id: string;
  readBy: string;
  /** A CLI read: the OS account and host that ran it (metadata `operator`). */
  operator?: OperatorIdentity;
  /** ISO-8601 UTC instant of the read. */
  readAt: string;
  correlationId?: string;
}

export function caseHistoryReadEvent(
  input: CaseHistoryReadInput,
): NewEvent<typeof CASE_HISTORY_READ, CaseHistoryReadData> {
  const {
    id,
    readBy,
    readAt,
    correlationId,
    operator,
    childId,
    role,
    view,
    reason,
    query,
    childIds,
    readModels,
  } = input;
  const data: CaseHistoryReadData = { childId, role, view };
  if (reason !== undefined && reason !== '') data.reason = reason;
  if (query && Object.keys(query).length > 0) data.query = query;
  // Kept when empty too: a search that showed no one is still a search.
  if (childIds !== undefined) data.childIds = childIds;
  if (readModels !== undefined) data.readModels = readModels;
  return {
    id,
    type: CASE_HISTORY_READ,
    data,
    metadata: {
      recordedAt: readAt,
      recordedBy: readBy,
      schemaVersion: ACCESS_LOG_SCHEMA_VERSION,
      ...(correlationId ? { correlationId } : {}),
      ...(operator ? { operator } : {}),
    },
  };
}

/** One line of the trail as an auditor sees it. */
export interface AccessLogEntry extends CaseHistoryReadData {
  eventId: string;
  readBy: string;
  readAt: string;
  /** A CLI read: the OS account and host beside the `--by` in `readBy`. */
  operator?: OperatorIdentity;
}

const isOperator = (value: unknown): value is OperatorIdentity =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OperatorIdentity).osUser === 'string' &&
  typeof (value as OperatorIdentity).host === 'string';

/** A trail event as read back: refused by name when of a version this build does not know (review s18-es F7). */
export function toAccessLogEntry(
  event: VersionedStoredEvent & {
    data: unknown;
    metadata: EventMetadata;
  },
): AccessLogEntry {
  assertKnownSchemaVersion(event, ACCESS_LOG_SCHEMA_VERSION);
  const data = event.data as CaseHistoryReadData;
  return {
    eventId: event.id,
    readAt: event.metadata.recordedAt,
    readBy: event.metadata.recordedBy,
    ...(isOperator(event.metadata['operator']) ? { operator: event.metadata['operator'] } : {}),
    childId: data.childId,
    role: data.role,
    view: data.view,
    ...(data.reason !== undefined ? { reason: data.reason } : {}),
    ...(data.query !== undefined ? { query: data.query } : {}),
    ...(data.childIds !== undefined ? { childIds: data.childIds } : {}),
    ...(data.readModels !== undefined ? { readModels: data.readModels } : {}),
  };
}

export interface AccessLogFilter {
  /** Reads of this child: its own reads and the lists that named it (childIds). */
  childId?: string;
  /** Reads by this user id (recordedBy), exactly. */
  readBy?: string;
  /** Inclusive calendar date (UTC day of the read). */
  from?: string;
  /** Inclusive calendar date (UTC day of the read). */
  to?: string;
}

export function matchesAccessLogFilter(entry: AccessLogEntry, filter: AccessLogFilter): boolean {
  const day = entry.readAt.slice(0, 10);
  return (
    (filter.childId === undefined ||
      entry.childId === filter.childId ||
      (entry.childIds?.includes(filter.childId) ?? false)) &&
    (filter.readBy === undefined || entry.readBy === filter.readBy) &&
    (filter.from === undefined || day >= filter.from) &&
    (filter.to === undefined || day <= filter.to)
  );
}
