import type { Role } from '@care-journey/access';

/**
 * Who reads the drift report, on every surface: the API's `/drift-report` (`/drift`) and the panel's
 * `/panel/drift` page and its CSV. One list, so the two cannot drift apart again.
 *
 * Every role: social workers are the people responsible for a child's plan and work from its flags
 * (the report's `team` and `socialWorker` filters are their caseload), the panel reviews it,
 * auditors check it, admins may what a social worker may, and reporting jobs count it. What a row
 * shows follows the role's personal-data view (auth/personal-data.ts): names for every role but
 * reporting jobs, whose rows carry references only; a report with names is a read of those
 * children and goes into the read-access trail (view `drift`). The report holds no UPN, postcode
 * or free text, so no role sees more through it than through `GET /children/:id`.
 */
export const DRIFT_REPORT_READERS: [Role, ...Role[]] = [
  'social_worker',
  'panel_member',
  'auditor',
  'reporting_job',
  'admin',
];
