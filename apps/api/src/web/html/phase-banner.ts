import type { Role } from '@care-journey/access';

/** Every reader is told the same caveat: the service is new, the case record is the record. */
const CAVEAT = 'Check anything you act on against the case record.';

/**
 * What the phase banner says the service is for, in the words of the person reading (frontline
 * review F14: a social worker was told it was "for the permanency panel").
 */
const PURPOSE_FOR: Readonly<Record<Role, string>> = {
  social_worker:
    'A new service for recording your children’s care journeys and seeing early when a plan drifts.',
  panel_member: 'A new service for the permanency panel.',
  auditor:
    'A new service: replay any child’s journey as it stood and as it was known on a date, and verify its record.',
  reporting_job:
    'A new service: its drift, stability and permanence figures come from the journeys recorded here.',
  admin: 'A new service for recording looked-after children’s care journeys, which you administer.',
};

/** Before sign-in (and on public pages) the reader is not known. */
const PURPOSE_FOR_ANYONE = 'A new service for recording looked-after children’s care journeys.';

export const phaseBannerText = (role: Role | undefined): string =>
  `${role ? PURPOSE_FOR[role] : PURPOSE_FOR_ANYONE} ${CAVEAT}`;
