import { Command, InvalidArgumentError } from 'commander';
import { isRole, ROLES } from '../../../api/src/auth/role';
import { hashPassword } from '../../../api/src/web/auth/password-hash';

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
 * `care-journey user-entry --username u --name "N" --role r < password.txt`: prints one entry of the
 * CARE_JOURNEY_USERS file (a JSON array of these), with the password stored as an scrypt hash.
 */
export function registerUserEntryCommand(program: Command): void {
  program
    .command('user-entry')
    .description('Print a CARE_JOURNEY_USERS entry for a web user (password read from standard input)')
    .requiredOption('--username <username>', 'sign-in name')
    .requiredOption('--name <name>', 'name shown in the pages')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, (value: string) => {
      if (!isRole(value)) throw new InvalidArgumentError(`must be one of ${ROLES.join(', ')}`);
      return value;
    })
    .action(async (options: { username: string; name: string; role: string }) => {
      const passwordHash = hashPassword(await readPassword());
      process.stdout.write(`${JSON.stringify({ ...options, passwordHash })}\n`);
    });
}
