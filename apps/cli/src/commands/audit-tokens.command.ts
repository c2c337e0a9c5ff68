import { InvalidArgumentError, type Command } from 'commander';
import {
  readIssuedTokens,
  readSessionEnds,
  TOKEN_SOURCES,
  type EndedSession,
  type IssuedToken,
  type TokenSource,
} from '@care-journey/audit';
import { toJsonSafe } from '@care-journey/event-store';
import { openExistingStore } from '../support/open-existing-store';

const day =
  (option: string) =>
  (value: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
      throw new InvalidArgumentError(`${option} must be a date, YYYY-MM-DD`);
    return value;
  };

/** What `audit tokens` lists: tokens by their source, and the ends of web sessions. */
type ListedSource = TokenSource | 'session-ended';
const LISTED_SOURCES: readonly ListedSource[] = [...TOKEN_SOURCES, 'session-ended'];

const source = (value: string): ListedSource => {
  const known = LISTED_SOURCES.find((allowed) => allowed === value);
  if (known === undefined)
    throw new InvalidArgumentError(`--source must be one of ${LISTED_SOURCES.join(', ')}`);
  return known;
};

type ListedEntry = IssuedToken | (EndedSession & { source: 'session-ended' });

/** Both lists in the log's order (the order they were recorded in), each already oldest first. */
const inLogOrder = (entries: ListedEntry[]): ListedEntry[] =>
  entries.sort((a, b) => {
    const [x, y] = [BigInt(a.position), BigInt(b.position)];
    return x < y ? -1 : x > y ? 1 : 0;
  });

/**
 * `care-journey audit tokens`: every token recorded as issued (`tokens-issued`), each with its
 * `source`: `token-command` (TokenIssued: `care-journey token`, with the OS account and host that
 * minted it) or `web-sign-in` (SignedIn: a sign-in on the pages, with its request id); each has its
 * id, user, role, issued and expiry and the signing key's id. Among them, in the order recorded,
 * each web session's end (`session-ended`: SessionEnded, a sign-out or its user's access changed),
 * whose `sessionId` is its sign-in's `tokenId`. Reads the store only (no child's data: nothing goes
 * to the read-access trail).
 */
export function registerAuditTokensCommand(audit: Command): void {
  audit
    .command('tokens')
    .description(
      "List the tokens issued and the web sessions ended, in the order recorded: by `care-journey token` (source token-command: id, user, role, issued, expires, OS account and host that minted it), by signing in to the pages (source web-sign-in: the same, with the request id), and sign-outs (source session-ended: the session id, which is its sign-in's token id, user, role, when, reason signed-out or access-changed)",
    )
    .option('--from <date>', 'issued (or ended) on or after this UTC day, YYYY-MM-DD', day('--from'))
    .option('--to <date>', 'issued (or ended) on or before this UTC day, YYYY-MM-DD', day('--to'))
    .option('--user <id>', 'those naming this user id, exactly')
    .option('--source <source>', `only those of one source: ${LISTED_SOURCES.join(', ')}`, source)
    .action(async (options: { from?: string; to?: string; user?: string; source?: ListedSource }) => {
      const store = await openExistingStore();
      try {
        const filter = { from: options.from, to: options.to, userId: options.user };
        const tokens =
          options.source === 'session-ended'
            ? []
            : await readIssuedTokens(store, { ...filter, source: options.source });
        const ends =
          options.source === undefined || options.source === 'session-ended'
            ? await readSessionEnds(store, filter)
            : [];
        const listed = inLogOrder([
          ...tokens,
          ...ends.map((end) => ({ source: 'session-ended' as const, ...end })),
        ]);
        process.stdout.write(`${JSON.stringify(toJsonSafe(listed), null, 2)}\n`);
        const signIns = tokens.filter((token) => token.source === 'web-sign-in').length;
        const signOuts = ends.filter((end) => end.reason === 'signed-out').length;
        process.stderr.write(
          `${tokens.length} token(s) issued: ${tokens.length - signIns} by \`care-journey token\`, ${signIns} at web sign-in; ` +
            `${ends.length} web session(s) ended: ${signOuts} signed out, ${ends.length - signOuts} on an access change\n`,
        );
      } finally {
        await store.close();
      }
    });
}
