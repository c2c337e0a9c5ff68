import { Command, InvalidArgumentError, Option } from 'commander';
import { mintToken } from '../../../api/src/auth/mint-token';
import { ROLES, type Role } from '../../../api/src/auth/role';
import { loadJwtSecret } from '../../../api/src/config/load-api-config';

const MAX_HOURS = 24 * 30;

const parseHours = (value: string): number => {
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
    throw new InvalidArgumentError(`must be a number of hours above 0 and at most ${MAX_HOURS}`);
  }
  return hours;
};

/**
 * `care-journey token`: mints a bearer token signed with CARE_JOURNEY_JWT_SECRET (or the dev
 * secret when unset, outside production). Only the token goes to stdout, so it can be captured.
 */
export function registerTokenCommand(program: Command): void {
  program
    .command('token')
    .description('Mint a bearer token for the API (development and operations)')
    .addOption(new Option('--role <role>', 'role the token grants').choices(ROLES).makeOptionMandatory())
    .requiredOption('--user <id>', 'user id, recorded as recordedBy on every event')
    .option('--name <name>', 'display name (defaults to the user id)')
    .option('--hours <hours>', 'lifetime in hours', parseHours, 8)
    .action((options: { role: Role; user: string; name?: string; hours: number }) => {
      const { jwtSecret, usingDevJwtSecret } = loadJwtSecret();
      if (usingDevJwtSecret) {
        process.stderr.write(
          'WARNING: CARE_JOURNEY_JWT_SECRET is not set; signing with the development secret.\n',
        );
      }
      const token = mintToken({
        secret: jwtSecret,
        userId: options.user,
        role: options.role,
        name: options.name,
        hours: options.hours,
      });
      process.stdout.write(`${token}\n`);
    });
}
