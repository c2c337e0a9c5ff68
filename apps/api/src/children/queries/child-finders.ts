import type { Role } from '@care-journey/access';

/**
 * Who may look children up by name: the roles that see a child's identity (README, "Tokens and
 * roles": social workers, auditors and admins in full, the panel its name and date of birth).
 * Reporting jobs work from references without names, so a name search is not theirs (403).
 */
export const CHILD_FINDERS: [Role, ...Role[]] = ['social_worker', 'panel_member', 'auditor', 'admin'];
