import type { Role } from '@care-journey/access';

/**
 * Who reads the leaving care team's worklist (`/panel/leaving-care` and its CSV): the people who
 * record the OC3 contact it lists, no one else (docs/data-protection.md, personal data only where a
 * role needs it; the decision and its reasons: docs/reporting.md, "The leaving care team's worklist").
 *
 * - Social workers, scoped as on every list (their teams' children; personal advisers are not a
 *   role here, so the leaving care team's workers are social workers of their team).
 * - Admins, who may what a social worker may.
 *
 * Not the panel (its work is looked-after children's plans; it records no contact), auditors (they
 * check a child's record and who read it, which the child's page and the trail already give) nor
 * reporting jobs (the list is of named young people with their dates of birth).
 */
export const LEAVING_CARE_READERS: [Role, ...Role[]] = ['social_worker', 'admin'];
