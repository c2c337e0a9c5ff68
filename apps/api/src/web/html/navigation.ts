import type { Role } from '../../auth/role';

export type NavKey = 'drift' | 'measures';

export interface NavItem {
  key: NavKey;
  href: string;
  text: string;
}

const DRIFT: NavItem = { key: 'drift', href: '/panel/drift', text: 'Drift report' };
const MEASURES: NavItem = { key: 'measures', href: '/panel/measures', text: 'Stability and permanence' };

/** Every role reads the panel pages (reporting jobs without names); recording is reached from a child. */
export function navigationFor(role: Role): NavItem[] {
  switch (role) {
    case 'social_worker':
    case 'panel_member':
    case 'auditor':
    case 'admin':
    case 'reporting_job':
      return [DRIFT, MEASURES];
  }
}
