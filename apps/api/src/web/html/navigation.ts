import type { Role } from '@care-journey/access';

export type NavKey = 'drift' | 'measures' | 'children' | 'leaving-care' | 'audit-drift' | 'access-log';

export interface NavItem {
  key: NavKey;
  href: string;
  text: string;
}

const DRIFT: NavItem = { key: 'drift', href: '/panel/drift', text: 'Drift report' };
const MEASURES: NavItem = { key: 'measures', href: '/panel/measures', text: 'Stability and permanence' };
/** Auditors' page: the drift report replayed as known at an instant. */
const AUDIT_DRIFT: NavItem = { key: 'audit-drift', href: '/panel/audit/drift', text: 'Drift as known at' };
/** Auditors' page: who read which child (the read-access trail). */
const ACCESS_LOG: NavItem = { key: 'access-log', href: '/panel/audit/access-log', text: 'Read-access trail' };
const CHILDREN: NavItem = { key: 'children', href: '/panel/children', text: 'Find a child' };
/** The leaving care team's worklist, for the roles that record the contact (leaving-care-readers.ts). */
const LEAVING_CARE: NavItem = {
  key: 'leaving-care',
  href: '/panel/leaving-care',
  text: "Care leavers' contacts",
};

/**
 * Every role reads the panel pages (reporting jobs without names); recording is reached from a
 * child, found by name or reference on "Find a child" (not for reporting jobs, who see no names),
 * or, for a care leaver's contact, from the leaving care worklist (the roles that record it).
 */
export function navigationFor(role: Role): NavItem[] {
  switch (role) {
    case 'social_worker':
      return [DRIFT, CHILDREN, MEASURES, LEAVING_CARE];
    case 'panel_member':
      return [DRIFT, CHILDREN, MEASURES];
    case 'auditor':
      return [DRIFT, CHILDREN, MEASURES, AUDIT_DRIFT, ACCESS_LOG];
    case 'admin':
      return [DRIFT, CHILDREN, MEASURES, LEAVING_CARE, AUDIT_DRIFT, ACCESS_LOG];
    case 'reporting_job':
      return [DRIFT, MEASURES];
  }
}
