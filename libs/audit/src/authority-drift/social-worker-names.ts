import type { DriftReportRow } from '../replay/journey-domain';

/** A drift report row with its social worker's display name (review s15-iro F6). */
export type NamedDriftRow = DriftReportRow & { socialWorkerName: string | null };

/**
 * The row with `socialWorkerName`: the users file's display name, as the file has it now, for the
 * username allocated in the row (null when none is allocated or the file has no such user). The live
 * report and the report as known at an instant (API, page, CSV and `care-journey audit drift`) all
 * name workers this way, for roles that see names.
 */
export const withSocialWorkerName = (
  row: DriftReportRow,
  nameOf: (username: string) => string | undefined,
): NamedDriftRow => ({
  ...row,
  socialWorkerName: row.socialWorker === undefined ? null : (nameOf(row.socialWorker) ?? null),
});

/**
 * What a name in the report as known at K is: the event log records who was allocated (a username),
 * never their display name, so the name is today's, whatever it was at K.
 */
export const AS_KNOWN_WORKER_NAMES =
  "today's display name in the users file for the social worker allocated as known at knownAt (names are not recorded in the event log)";
