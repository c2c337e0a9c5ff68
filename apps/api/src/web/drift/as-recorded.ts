import type { CalendarDate } from '@care-journey/journey';
import { formatDate } from '../html/format';

/**
 * A drift report for a date before today is today's record evaluated as at that date: it counts entries
 * recorded since (a late review, a child registered afterwards), so it can differ from the pack the panel
 * printed that day. Every surface says so (review s15-iro F5): the page, its CSV's file name and the API's
 * `asRecorded`. The report as it was known then is the auditors' (`/panel/audit/drift`,
 * `GET /audit/drift-report?knownAt=`): a replay of the log, which the read models do not keep.
 */
export const isPastReport = (asAt: CalendarDate, today: CalendarDate): boolean => asAt < today;

/** What the API adds to a report for a date before today. */
export interface DriftAsRecorded {
  /** Today in England: entries recorded up to now are counted, whenever they were recorded. */
  recordedUpTo: CalendarDate;
  includes: string;
  asKnownThen: string;
}

const AS_KNOWN_THEN =
  'the report as known at an instant is a replay of the log for auditors: GET /audit/drift-report?knownAt= (roles auditor, admin), or the page /panel/audit/drift';

export const driftAsRecorded = (asAt: CalendarDate, today: CalendarDate): DriftAsRecorded | undefined =>
  isPastReport(asAt, today)
    ? {
        recordedUpTo: today,
        includes: `entries recorded after ${asAt} and dated on or before it: as recorded now, not as known on ${asAt}`,
        asKnownThen: AS_KNOWN_THEN,
      }
    : undefined;

/** The page's words for it. */
export const asRecordedText = (asAt: CalendarDate, today: CalendarDate): string =>
  `As recorded now, not as known then. This report for ${formatDate(asAt)} counts everything recorded up to today, ${formatDate(today)}, including entries recorded after ${formatDate(asAt)} (a late review, a child added later), so it can differ from a pack printed on ${formatDate(asAt)}. To see the report as it was known then, ask an auditor ("Drift as known at").`;

/** A CSV's file name says so too (the file travels without the page): `drift-report-2026-06-01-as-recorded-2026-11-28`. */
export const asRecordedName = (name: string, asAt: CalendarDate, today: CalendarDate): string =>
  isPastReport(asAt, today) ? `${name}-as-recorded-${today}` : name;
