import { teamKey, type SocialWorkerScope } from '@care-journey/projections';
import type { Role } from '@care-journey/access';

/** Which children a user reads and records for: all of them, or those currently allocated to these teams. */
export type TeamScope = { all: true } | { all: false; teams: readonly string[] };

/**
 * The scope of a user: with the authority's socialWorkerScope "team", a social worker has the teams
 * the users file gives them (none when they are not in it: an API client's token for an id nobody
 * signs in with sees no child). Every other role, and every social worker under "authority", all.
 */
export function teamScope(role: Role, setting: SocialWorkerScope, teams: readonly string[]): TeamScope {
  if (role !== 'social_worker' || setting === 'authority') return { all: true };
  return { all: false, teams };
}

/** Every child: the scope of a command sent by anyone but a team-scoped social worker. */
export const ALL_CHILDREN: TeamScope = { all: true };

/** A child whose current allocation is `team` (undefined: none, or no such child) is in the scope. */
export function inTeamScope(scope: TeamScope, team: string | undefined): boolean {
  if (scope.all) return true;
  // Compared as the drift report's team filter compares: a team stored in another spelling is the same team.
  if (team === undefined) return false;
  const key = teamKey(team);
  return scope.teams.some((mine) => teamKey(mine) === key);
}
