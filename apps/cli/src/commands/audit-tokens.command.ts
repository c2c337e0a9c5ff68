import { InvalidArgumentError, type Command } from 'commander';
import { readIssuedTokens } from '@care-journey/audit';
import { toJsonSafe } from '@care-journey/event-store';
import { openExistingStore } from '../support/open-existing-store';

const day =
  (option: string) =>
  (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
      throw new InvalidArgumentError(`${option} must be a date, YYYY-MM-DD`);
    return value;
  };

/**
 * `care-journey audit tokens`: the tokens `care-journey token` has issued (TokenIssued, oldest
 * first): id, user, role, issued and expiry, the signing key's id, and the OS account and host that
 * minted each. Reads the store only (no child's data: nothing goes to the read-access trail).
 */
export function registerAuditTokensCommand(audit: Command): void {
  audit
    .command('tokens')
    .description(
      'List the tokens `care-journey token` issued (id, user, role, issued, expires, OS account and host that minted it), oldest first',
    )
    .option('--from <date>', 'issued on or after this UTC day, YYYY-MM-DD', day('--from'))
    .option('--to <date>', 'issued on or before this UTC day, YYYY-MM-DD', day('--to'))
    .option('--user <id>', 'tokens naming this user id, exactly')
    .action(async (options: { from?: string; to?: string; user?: string }) => {
      const store = await openExistingStore();
      try {
        const tokens = await readIssuedTokens(store, {
          from: options.from,
          to: options.to,
          userId: options.user,
        });
        process.stdout.write(`${JSON.stringify(toJsonSafe(tokens), null, 2)}\n`);
        process.stderr.write(`${tokens.length} token(s) issued\n`);
      } finally {
        await store.close();
      }
    });
}
