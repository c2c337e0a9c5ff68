import type { Role } from '@care-journey/access';

/**
 * How much of a child's personal data a role sees (README, "Tokens and roles"):
 * - `full`: social workers, auditors, admins: everything as recorded.
 * - `panel`: the permanency panel reviews drift and plans, so it sees who the child is and how old
 *   (name, date of birth) and the districts of the home and placement postcodes, not the UPN, the
 *   full postcodes, the placement's Ofsted URN (it names the home), nor free text about the family
 *   (going-home audit findings, correction reasons).
 * - `none`: reporting jobs work from codes and references only (no name, date of birth, UPN or
 *   home postcode; the placement postcode as its district; the URN kept: their 903 names it).
 */
export type PersonalDataView = 'full' | 'panel' | 'none';

const VIEW_OF_ROLE: Readonly<Record<Role, PersonalDataView>> = {
  social_worker: 'full',
  auditor: 'full',
  admin: 'full',
  panel_member: 'panel',
  reporting_job: 'none',
};

export const personalDataViewOf = (role: Role): PersonalDataView => VIEW_OF_ROLE[role];

/** Whether the role sees a child's name and date of birth (every view but reporting jobs'). */
export const mayReadPersonalData = (role: Role): boolean => VIEW_OF_ROLE[role] !== 'none';
