import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import {
  appendRevocation,
  formatRevocation,
  INSTANT_RULE,
  jwtKeyId,
  mintToken,
  newTokenId,
  parseInstant,
  parseUsers,
  pruneRevocations,
  readJwtSecret,
  readRevocations,
  REVOKED_TOKENS_VARIABLE,
  revokedTokensFile,
  ROLES,
  type Role,
  TOKEN_ID_PATTERN,
} from '@care-journey/access';
import { loadAuthorityConfig } from '@care-journey/projections';
import { recordIssue } from './token-issue-record';

const MAX_HOURS = 24 * 30;

const parseHours = (value: string): number => {
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
    throw new InvalidArgumentError(`must be a number of hours above 0 and at most ${MAX_HOURS}`);
  }
  return hours;
};

/** A usage error: commander's wording, naming the option (main.ts prints it, exit code 1). */
const optionError = (option: string, rule: string): Error => new Error(`error: option '${option}': ${rule}`);

/**
 * `care-journey token`: mints a bearer token signed with CARE_JOURNEY_JWT_SECRET (or the dev
 * secret when unset, outside production), once its issue is recorded in the event store (TokenIssued,
 * token-issue-record.ts). Only the token goes to stdout, so it can be captured; its
 * id (for `token revoke --id`) goes to stderr. `token revoke` and `token list-revoked` keep the file
 * the API reads revocations from (CARE_JOURNEY_REVOKED_TOKENS).
 */
export function registerTokenCommand(program: Command): void {
  const token = program
    .command('token')
    .description('Mint a bearer token for the API (development and operations); revoke tokens')
    // `token revoke --user x`: options after a subcommand's name are the subcommand's own.
    .enablePositionalOptions()
    // Not commander-mandatory: that would be asked of `token revoke` too. Checked in the action.
    .addOption(new Option('--role <role>', 'role the token grants (required)').choices(ROLES))
    .option('--user <id>', 'user id, recorded as recordedBy on every event (required)')
    .option('--name <name>', 'display name (defaults to the user id)')
    .option('--hours <hours>', 'lifetime in hours', parseHours, 8)
    .action(async (options: { role?: Role; user?: string; name?: string; hours: number }) => {
      if (options.role === undefined) throw new Error("error: required option '--role <role>' not specified");
      if (options.user === undefined) throw new Error("error: required option '--user <id>' not specified");
      if (options.user.trim() === '') throw optionError('--user <id>', 'must not be empty');
      checkAgainstUsersFile(options.user, options.role);
      const { jwtSecret, usingDevJwtSecret } = readJwtSecret(process.env);
      if (usingDevJwtSecret) {
        process.stderr.write(
          'WARNING: CARE_JOURNEY_JWT_SECRET is not set; signing with the development secret.\n',
        );
      }
      const tokenId = newTokenId();
      const issuedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
      const expires = new Date(issuedAt.getTime() + Math.round(options.hours * 3600) * 1000);
      // Recorded first: a token whose issue is not in the store is never handed out.
      await recordIssue({
        tokenId,
        userId: options.user,
        name: options.name,
        role: options.role,
        issuedAt: iso(issuedAt),
        expiresAt: iso(expires),
        keyId: jwtKeyId(jwtSecret),
        ...(usingDevJwtSecret && { developmentSecret: true }),
      });
      const minted = mintToken({
        secret: jwtSecret,
        userId: options.user,
        role: options.role,
        name: options.name,
        hours: options.hours,
        tokenId,
        issuedAt,
      });
      process.stdout.write(`${minted}\n`);
      process.stderr.write(
        `token id ${tokenId} (revoke with: care-journey token revoke --id ${tokenId} --expires ${iso(expires)}), issued ${iso(issuedAt)}, expires ${iso(expires)}; its issue is recorded in the store (care-journey audit tokens)\n`,
      );
    });

  token
    .command('revoke')
    .description(
      `Revoke one token (--id) or every token of a user issued before a time (--user [--before]), in the file ${REVOKED_TOKENS_VARIABLE} names`,
    )
    .option('--id <token id>', "the token's id (jti), as `token` printed it")
    .option(
      '--expires <instant>',
      'with --id: when the token expires, as `token` printed it; written on the line so --prune can drop it once expired',
    )
    .option(
      '--prune',
      "drop the lines of revoked tokens that have expired (an `id` line's `expires` has passed)",
    )
    .option('--user <id>', 'revoke every token of this user issued before --before')
    .option('--before <instant>', 'with --user: the cut-off, e.g. 2026-11-27T22:50:00Z (default now)')
    .option('--reason <text>', 'a note kept in the file beside the revocation')
    .option('--file <path>', `the revoked-tokens file (default ${REVOKED_TOKENS_VARIABLE})`)
    .action((options: RevokeOptions) => {
      const file = fileFrom(options.file);
      const now = new Date();
      if (options.prune) return prune(file, options, now);
      if ((options.id === undefined) === (options.user === undefined))
        throw new Error('error: give one of --id <token id> or --user <id> (not both)');
      if (options.reason !== undefined && /[\r\n]/.test(options.reason))
        throw optionError('--reason <text>', 'must be one line');
      const note = `revoked ${iso(now)}${options.reason ? `: ${options.reason}` : ''}`;
      if (options.id !== undefined) {
        if (options.before !== undefined)
          throw optionError('--before <instant>', 'goes with --user, not --id');
        if (!TOKEN_ID_PATTERN.test(options.id))
          throw optionError(
            '--id <token id>',
            `must be a token id (a lower-case uuid, as \`token\` printed it), got ${JSON.stringify(options.id)}`,
          );
        const expires = expiryFrom(options.expires, now);
        if (readRevocations(file).revokes({ id: options.id, subject: '' })) {
          process.stdout.write(`token ${options.id} was already revoked in ${file}\n`);
          return;
        }
        appendRevocation(file, { kind: 'id', id: options.id, ...(expires && { expires }), note });
        process.stdout.write(`revoked token ${options.id} in ${file}\n`);
        return;
      }
      const user = options.user!;
      if (options.expires !== undefined)
        throw optionError(
          '--expires <instant>',
          "goes with --id: a user's line revokes tokens of many expiries",
        );
      if (user.trim() === '') throw optionError('--user <id>', 'must not be empty');
      const before = options.before === undefined ? now : parseInstant(options.before);
      if (before === undefined)
        throw optionError('--before <instant>', `${INSTANT_RULE}, got ${JSON.stringify(options.before)}`);
      if (before.getTime() > now.getTime())
        throw optionError(
          '--before <instant>',
          `must not be after now (${iso(now)}): a cut-off in the future would refuse tokens not yet issued; to keep a user out, remove them from CARE_JOURNEY_USERS`,
        );
      appendRevocation(file, { kind: 'user', user, before, note });
      process.stdout.write(
        `revoked every token of ${JSON.stringify(user)} issued before ${iso(before)} in ${file}\n`,
      );
    });

  token
    .command('list-revoked')
    .description(`List the revocations in the file ${REVOKED_TOKENS_VARIABLE} names`)
    .option('--file <path>', `the revoked-tokens file (default ${REVOKED_TOKENS_VARIABLE})`)
    .action((options: { file?: string }) => {
      const file = fileFrom(options.file);
      const { entries } = readRevocations(file);
      for (const entry of entries) process.stdout.write(`${formatRevocation(entry)}\n`);
      process.stderr.write(`${entries.length} revocation(s) in ${file}\n`);
    });
}

interface RevokeOptions {
  id?: string;
  user?: string;
  before?: string;
  expires?: string;
  reason?: string;
  file?: string;
  prune?: boolean;
}

/** `token revoke --prune`: the lines of expired tokens dropped; nothing else may be asked with it. */
function prune(file: string, options: RevokeOptions, now: Date): void {
  const others = (['id', 'user', 'before', 'expires', 'reason'] as const).filter(
    (o) => options[o] !== undefined,
  );
  if (others.length > 0)
    throw optionError('--prune', `is given alone (with --file at most), not with --${others.join(', --')}`);
  const dropped = pruneRevocations(file, now);
  for (const entry of dropped) process.stdout.write(`dropped ${formatRevocation(entry)}\n`);
  process.stderr.write(
    `${dropped.length} expired revocation(s) dropped from ${file}; lines without an expiry are kept (\`user\` lines, and \`id\` lines written without --expires)\n`,
  );
}

/**
 * `--expires`: when the revoked token expires, as `token` printed it. Not after the longest lifetime
 * from now (no token lives longer), and not already past (an expired token needs no revocation).
 * An expiry earlier than the token's real one would let --prune drop the line too soon: copy it.
 */
function expiryFrom(option: string | undefined, now: Date): Date | undefined {
  if (option === undefined) return undefined;
  const expires = parseInstant(option);
  if (expires === undefined)
    throw optionError('--expires <instant>', `${INSTANT_RULE}, got ${JSON.stringify(option)}`);
  if (expires.getTime() <= now.getTime())
    throw optionError(
      '--expires <instant>',
      `is not after now (${iso(now)}): the token has expired and the API refuses it already; nothing to revoke`,
    );
  if (expires.getTime() > now.getTime() + MAX_HOURS * 3600 * 1000)
    throw optionError(
      '--expires <instant>',
      `is more than ${MAX_HOURS} hours from now: no token lives that long`,
    );
  return expires;
}

function fileFrom(option: string | undefined): string {
  if (option !== undefined) {
    if (option.trim() === '') throw optionError('--file <path>', 'must not be empty');
    return option;
  }
  const file = revokedTokensFile(process.env);
  if (file === undefined)
    throw new Error(
      `error: no revoked-tokens file: set ${REVOKED_TOKENS_VARIABLE} (as the API has it) or give --file <path>`,
    );
  return file;
}

/**
 * With a users file, the API accepts an API token only while its user is there with its role
 * (token-holders.ts): refuse to mint one it would refuse.
 */
function checkAgainstUsersFile(user: string, role: Role): void {
  const usersFile = process.env.CARE_JOURNEY_USERS?.trim();
  if (!usersFile) return;
  const entry = parseUsers(readFileSync(usersFile, 'utf8'), usersFile, loadAuthorityConfig(process.env)).find(
    (candidate) => candidate.username.toLowerCase() === user.toLowerCase(),
  );
  if (entry === undefined)
    throw optionError(
      '--user <id>',
      `${JSON.stringify(user)} is not in the users file ${usersFile} (CARE_JOURNEY_USERS): the API refuses its tokens; add the user first (care-journey user-entry)`,
    );
  if (entry.role !== role)
    throw optionError(
      '--role <role>',
      `${JSON.stringify(user)} is ${entry.role} in the users file ${usersFile} (CARE_JOURNEY_USERS), not ${role}: the API refuses such a token`,
    );
}

const iso = (date: Date): string => date.toISOString().replace('.000Z', 'Z');
