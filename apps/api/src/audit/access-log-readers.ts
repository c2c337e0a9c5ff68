import type { Role } from '@care-journey/access';

/**
 * Who reads the read-access trail (the API's GET /audit/access-log and the auditor's page
 * /panel/audit/access-log): auditors, and admins as they may read everything. It says who looked
 * at which child, so it is not for the people it records.
 */
export const ACCESS_LOG_READERS: [Role, ...Role[]] = ['auditor', 'admin'];

/** Longest reader id the filter takes: user ids are short; this only bounds what is compared. */
export const MAX_READER_LENGTH = 200;
