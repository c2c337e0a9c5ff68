import { InvalidArgumentError, type Command } from 'commander';
import { readIssuedTokens, TOKEN_SOURCES, type TokenSource } from '@care-journey/audit';
import { toJsonSafe } from '@care-journey/event-store';
import { openExistingStore } from '../support/open-existing-store';

const day =
  (option: string) =>
  (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
      throw new InvalidArgumentError(`${option} must be a date, YYYY-MM-DD`);
    return value;
  };

const source = (value: string): TokenSource => {
  const known = TOKEN_SOURCES.find((allowed) => allowed === value);
  if (known === undefined)
    throw new InvalidArgumentError(`--source must be one of ${TOKEN_SOURCES.join(', ')}`);
  return known;
};

/**
 * `care-journey audit tokens`: every token recorded as issued (`tokens-issued`, oldest first), each
 * with its `source`: `token-command` (TokenIssued: `care-journey token`, with the OS account and
 * host that minted it) or `web-sign-in` (SignedIn: a sign-in on the pages, with its request id).
 * Each has its id, user, role, issued and expiry and the signing key's id. Reads the store only (no
 * child's data: nothing goes to the read-access trail).
 */
export function registerAuditTokensCommand(audit: Command): void {
  audit
    .command('tokens')
    .description(
      'List the tokens issued, oldest first: by `care-journey token` (source token-command: id, user, role, issued, expires, OS account and host that minted it) and by signing in to the pages (source web-sign-in: the same, with the request id)',
    )
    .option('--from <date>', 'issued on or after this UTC day, YYYY-MM-DD', day('--from'))
    .option('--to <date>', 'issued on or before this UTC day, YYYY-MM-DD', day('--to'))
    .option('--user <id>', 'tokens naming this user id, exactly')
    .option('--source <source>', `only those of one source: ${TOKEN_SOURCES.join(' or ')}`, source)
    .action(async (options: { from?: string; to?: string; user?: string; source?: TokenSource }) => {
      const store = await openExistingStore();
      try {
        const tokens = await readIssuedTokens(store, {
          from: options.from,
          to: options.to,
          userId: options.user,
          source: options.source,
        });
        process.stdout.write(`${JSON.stringify(toJsonSafe(tokens), null, 2)}\n`);
        const signIns = tokens.filter((token) => token.source === 'web-sign-in').length;
        process.stderr.write(
          `${tokens.length} token(s) issued: ${tokens.length - signIns} by \`care-journey token\`, ${signIns} at web sign-in\n`,
        );
      } finally {
        await store.close();
      }
    });
}
