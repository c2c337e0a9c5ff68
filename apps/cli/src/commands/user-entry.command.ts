import { Command, InvalidArgumentError } from 'commander';
import { hashPassword, isRole, ROLES, USERNAME_RULE, usernameProblem, userTeams } from '@care-journey/access';
import { loadAuthorityConfig } from '@care-journey/projections';

/** Reads the password from standard input, so it never appears in the shell history or `ps`. */
async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password.length < 12)
    throw new InvalidArgumentError('the password (standard input) must be at least 12 characters');
  return password;
}

/**
 * `care-journey user-entry --username u --name "N" --role r [--team T …] < password.txt`: prints one
 * entry of the CARE_JOURNEY_USERS file (a JSON array of these), with the password stored as an scrypt
 * hash. A social worker's teams are checked as the API checks them (the authority's settings), so the
 * entry printed is one the API starts with.
 */
export function registerUserEntryCommand(program: Command): void {
  program
    .command('user-entry')
    .description('Print a CARE_JOURNEY_USERS entry for a web user (password read from standard input)')
    .requiredOption('--username <username>', `sign-in name: ${USERNAME_RULE}`)
    .requiredOption('--name <name>', 'name shown in the pages')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, (value: string) => {
      if (!isRole(value)) throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
      return value;
    })
    .option(
      '--team <team>',
      "a team a social_worker works in, one of the authority's teams (repeat for each; required under socialWorkerScope team)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(async (options: { username: string; name: string; role: string; team: string[] }) => {
      const { team, ...entry } = options;
      const problem = usernameProblem(entry.username);
      if (problem !== undefined) throw new InvalidArgumentError(`--username: ${problem}`);
      if (!isRole(entry.role)) throw new InvalidArgumentError(`--role must be one of ${ROLES.join(', ')}`);
      let teams: string[] | undefined;
      try {
        teams = userTeams(
          team.length > 0 ? team : undefined,
          entry.role,
          loadAuthorityConfig(process.env),
          '--team',
        );
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
      const passwordHash = hashPassword(await readPassword());
      process.stdout.write(`${JSON.stringify({ ...entry, ...(teams && { teams }), passwordHash })}\n`);
    });
}
