import { SYNTHETIC_TEAMS } from '@care-journey/reporting';

/**
 * Who the demo's children are allocated to: its two social workers, who can sign in (apps/api
 * web/auth/user-directory.ts, the development users). sw.demo works in the first team and is
 * allocated its children; sw.other.demo works in every other team and is allocated theirs. So a
 * visitor signed in as either sees children allocated to themselves, the amend forms offer them as
 * a social worker who can sign in, and re-saving an allocation passes the known-social-worker check.
 */
export const DEMO_SOCIAL_WORKER = 'sw.demo';
export const DEMO_OTHER_SOCIAL_WORKER = 'sw.other.demo';

export const demoSocialWorkerOfTeam = (): Record<string, string> =>
  Object.fromEntries(
    SYNTHETIC_TEAMS.map((team, index) => [team, index === 0 ? DEMO_SOCIAL_WORKER : DEMO_OTHER_SOCIAL_WORKER]),
  );
