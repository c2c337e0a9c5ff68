import { teamKey, type AuthorityConfig } from '@care-journey/projections';
import type { Role } from './role';

/**
 * A users-file entry's `teams`: the teams a social worker works in, which decide the children they
 * read and record for when the authority's `socialWorkerScope` is "team" (auth/child-scope/).
 * Each must be one of the authority's teams (matched ignoring case and spacing, kept as configured),
 * so a typo cannot silently leave a worker without their children. Required for a social worker
 * under "team" scope (without it they would see no child); optional under "authority". Other roles
 * read every child and take none: a team there would suggest a limit that does not apply.
 * `field` names the entry and the user (`users.json[2] (sam).teams`) in the error.
 */
export function userTeams(
  value: unknown,
  role: Role,
  authority: Pick<AuthorityConfig, 'teams' | 'socialWorkerScope'>,
  field: string,
): string[] | undefined {
  const choices = `one or more of the authority's teams (${authority.teams.join(', ')})`;
  if (role !== 'social_worker') {
    if (value === undefined) return undefined;
    throw new Error(`${field}: only a social_worker works in teams; a ${role} reads every child`);
  }
  if (value === undefined) {
    if (authority.socialWorkerScope === 'authority') return undefined;
    throw new Error(
      `${field}: a social_worker must list the teams they work in, ${choices}, ` +
        'because socialWorkerScope is "team" (they read and record only for those teams\' children)',
    );
  }
  if (!Array.isArray(value) || value.length === 0) throw new Error(`${field}: must be a list of ${choices}`);
  const teams = value.map((name: unknown, i) => {
    const team =
      typeof name === 'string'
        ? authority.teams.find((known) => teamKey(known) === teamKey(name))
        : undefined;
    if (team === undefined)
      throw new Error(
        `${field}[${i}]: must be one of the authority's teams (${authority.teams.join(', ')}), not ${JSON.stringify(name)}`,
      );
    return team;
  });
  return [...new Set(teams)];
}
