import { readFileSync } from 'node:fs';
import { parseUsers } from '@care-journey/access';
import { loadAuthorityConfig } from '@care-journey/projections';

type Env = Record<string, string | undefined>;

/**
 * Display names by username from the users file (CARE_JOURNEY_USERS), as the API signs people in
 * with it, to name social workers beside their usernames; undefined when no file is set (the CLI
 * has no demo users). A file that cannot be read or parsed stops the command, naming it.
 */
export function usersFileNames(
  env: Env = process.env,
): ((username: string) => string | undefined) | undefined {
  const file = env.CARE_JOURNEY_USERS?.trim();
  if (!file) return undefined;
  const names = new Map(
    parseUsers(readFileSync(file, 'utf8'), file, loadAuthorityConfig(env)).map((user) => [
      user.username.toLowerCase(),
      user.name,
    ]),
  );
  return (username) => names.get(username.toLowerCase());
}
