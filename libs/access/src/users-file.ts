import type { AuthorityConfig } from '@care-journey/projections';
import { isRole, type Role } from './role';
import { usernameProblem, usernameTwice } from './username';
import { userTeams } from './users-file-teams';

/** Someone who may sign in to the pages. */
export interface WebUser {
  username: string;
  name: string;
  role: Role;
  passwordHash: string;
  /** A social worker's teams, as the authority's settings spell them (users-file-teams.ts). */
  teams?: string[];
}

/**
 * The users file (CARE_JOURNEY_USERS), a JSON array of WebUser, checked entry by entry: the API
 * reads it to sign people in, the CLI to refuse a token the API would refuse. An error names the
 * file, the entry and the field.
 */
export function parseUsers(
  text: string,
  source: string,
  authority: Pick<AuthorityConfig, 'teams' | 'socialWorkerScope'>,
): WebUser[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed))
    throw new Error(`${source}: must be a JSON array of {username, name, role, passwordHash}`);
  const users = parsed.map((entry: Record<string, unknown>, index) => {
    const { username, name, role, passwordHash } = entry ?? {};
    const problem = usernameProblem(username);
    if (problem !== undefined || typeof username !== 'string')
      throw new Error(`${source}[${index}].username: ${problem ?? 'must be a non-empty string'}`);
    if (typeof name !== 'string' || name.trim() === '')
      throw new Error(`${source}[${index}].name: must be a non-empty string`);
    if (!isRole(role)) throw new Error(`${source}[${index}].role: must be a Care Journey role`);
    if (typeof passwordHash !== 'string' || !passwordHash.startsWith('scrypt$')) {
      throw new Error(
        `${source}[${index}].passwordHash: must be scrypt$<salt>$<hash> (see password-hash.ts)`,
      );
    }
    const teams = userTeams(entry.teams, role, authority, `${source}[${index}] (${username}).teams`);
    return { username, name, role, passwordHash, ...(teams && { teams }) };
  });
  const twice = usernameTwice(users.map((user) => user.username));
  if (twice !== undefined)
    throw new Error(
      `${source}[${twice.second}].username: ${JSON.stringify(twice.username)} is ${source}[${twice.first}]'s ` +
        'username in another case; sign-in ignores case, so each person needs a name of their own',
    );
  return users;
}
