import type { Role } from '@care-journey/access';

/**
 * Who reads the authority's drift report as known at an instant (API and page): auditors, and
 * admins as they may read everything. It replays the whole unredacted log, as only `GET /events`
 * for those two roles does; the panel works from the live report, and reporting jobs get no names.
 */
export const AUDIT_DRIFT_READERS: [Role, ...Role[]] = ['auditor', 'admin'];
