import type { Role } from './role';

/**
 * Who may see a child's personal details (name, date of birth, UPN, home postcode).
 * Reporting jobs work from codes and references only, so they get a redacted view.
 */
const PERSONAL_DATA_ROLES: ReadonlySet<Role> = new Set<Role>([
  'social_worker',
  'panel_member',
  'auditor',
  'admin',
]);

export const mayReadPersonalData = (role: Role): boolean => PERSONAL_DATA_ROLES.has(role);
