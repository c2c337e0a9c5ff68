/**
 * The revoked-tokens file (CARE_JOURNEY_REVOKED_TOKENS): one revocation a line, written by
 * `care-journey token revoke` and readable and editable by an operator.
 *
 *   id <token id> [expires <instant>] one token: its `jti` (a uuid; `care-journey token` prints it),
 *                                     and when it expires, if known: `token revoke --prune` then drops the
 *                                     line once the token could no longer be used anyway
 *   user <user id> before <instant>   every token of that user issued before the instant (or in its second)
 *
 * `#` starts a comment (the CLI notes when and why); blank lines are ignored. A user id with spaces,
 * `"` or `#` is written as a JSON string. Instants carry their time zone: `2026-11-27T22:50:00Z`.
 */

/** Token ids are uuids: the CLI's tokens' ids and the sign-in's session ids alike. */
export const TOKEN_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const INSTANT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export type Revocation =
  | { kind: 'id'; id: string; expires?: Date; note?: string }
  | { kind: 'user'; user: string; before: Date; note?: string };

/** What a verified token says about itself, for the check. */
export interface RevocableToken {
  /** `jti`; absent on tokens minted before tokens had ids. */
  id?: string;
  /** `sub`. */
  subject: string;
  /** `iat`, whole seconds; absent: cannot show it came after a user's cut-off. */
  issuedAt?: number;
}

/** The revocations in force: a set lookup and a map lookup per request. */
export class RevocationList {
  static readonly EMPTY = new RevocationList([]);

  private readonly ids = new Set<string>();
  /** Lower-cased user id → the latest cut-off, in whole seconds: issued at or before it is revoked. */
  private readonly cutOffs = new Map<string, number>();

  constructor(readonly entries: readonly Revocation[]) {
    for (const entry of entries) {
      if (entry.kind === 'id') this.ids.add(entry.id);
      else {
        const key = entry.user.toLowerCase();
        const seconds = Math.floor(entry.before.getTime() / 1000);
        // A later line never lifts an earlier one: the latest cut-off wins.
        this.cutOffs.set(key, Math.max(seconds, this.cutOffs.get(key) ?? Number.NEGATIVE_INFINITY));
      }
    }
  }

  get size(): number {
    return this.entries.length;
  }

  revokes(token: RevocableToken): boolean {
    if (token.id !== undefined && this.ids.has(token.id)) return true;
    if (this.cutOffs.size === 0) return false;
    // User ids are compared ignoring case, as the users file compares them.
    const cutOff = this.cutOffs.get(token.subject.toLowerCase());
    if (cutOff === undefined) return false;
    // The same second counts as before (iat is whole seconds): fail closed.
    return token.issuedAt === undefined || token.issuedAt <= cutOff;
  }
}

/** A rule broken on one line of the file: the message names the file and the line. */
export class RevocationFileError extends Error {
  override readonly name = 'RevocationFileError';
  constructor(
    readonly source: string,
    readonly line: number,
    rule: string,
  ) {
    super(`${source}:${line}: ${rule}`);
  }
}

const FORMS = '`id <token id> [expires <instant>]` or `user <user id> before <instant>`';

export function parseRevocations(text: string, source: string): RevocationList {
  const entries: Revocation[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const fail = (rule: string): never => {
      throw new RevocationFileError(source, index + 1, rule);
    };
    const { fields, note } = splitLine(raw, fail);
    if (fields.length === 0) return;
    const [kind, ...rest] = fields;
    if (kind === 'id') {
      if (rest.length !== 1 && (rest.length !== 3 || rest[1] !== 'expires'))
        fail(`expected \`id <token id> [expires <instant>]\`, got ${JSON.stringify(raw.trim())}`);
      if (!TOKEN_ID_PATTERN.test(rest[0]))
        fail(`the token id must be a token's jti (a lower-case uuid), got ${JSON.stringify(rest[0])}`);
      const expires = rest.length === 3 ? parseInstant(rest[2]) : undefined;
      if (rest.length === 3 && expires === undefined)
        fail(`\`expires\` ${INSTANT_RULE}, got ${JSON.stringify(rest[2])}`);
      entries.push({ kind: 'id', id: rest[0], ...(expires && { expires }), ...(note ? { note } : {}) });
    } else if (kind === 'user') {
      if (rest.length !== 3 || rest[1] !== 'before')
        fail(`expected \`user <user id> before <instant>\`, got ${JSON.stringify(raw.trim())}`);
      if (rest[0].trim() === '') fail('the user id must not be empty');
      const before = parseInstant(rest[2]);
      if (before === undefined) fail(`\`before\` ${INSTANT_RULE}, got ${JSON.stringify(rest[2])}`);
      entries.push({ kind: 'user', user: rest[0], before: before!, ...(note ? { note } : {}) });
    } else {
      fail(`expected ${FORMS}, got ${JSON.stringify(raw.trim())}`);
    }
  });
  return new RevocationList(entries);
}

export const INSTANT_RULE = 'must be an instant with its time zone, such as 2026-11-27T22:50:00Z';

/** An ISO 8601 instant with `Z` or an offset, and a real calendar date; else undefined. */
export function parseInstant(text: string): Date | undefined {
  const match = INSTANT_PATTERN.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return undefined;
  if (hour > 23 || minute > 59 || (second ?? 0) > 59) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** One line of the file, as `parseRevocations` reads it back. */
export function formatRevocation(entry: Revocation): string {
  const body =
    entry.kind === 'id'
      ? `id ${entry.id}${entry.expires ? ` expires ${instantText(entry.expires)}` : ''}`
      : `user ${quoteIfNeeded(entry.user)} before ${instantText(entry.before)}`;
  return entry.note ? `${body}  # ${entry.note}` : body;
}

const instantText = (date: Date): string => date.toISOString().replace('.000Z', 'Z');

/** An `id` line whose token has expired by `now`: it can no longer be used, so its line is not needed. */
export const isSpentRevocation = (entry: Revocation, now: Date): boolean =>
  entry.kind === 'id' && entry.expires !== undefined && entry.expires.getTime() <= now.getTime();

const quoteIfNeeded = (value: string): string => (/^[^\s"#]+$/.test(value) ? value : JSON.stringify(value));

/** Whitespace-separated fields, a `"…"` field as a JSON string, and the `#` comment after them. */
function splitLine(raw: string, fail: (rule: string) => never): { fields: string[]; note?: string } {
  const fields: string[] = [];
  let rest = raw.trim();
  while (rest.length > 0) {
    if (rest.startsWith('#')) return { fields, note: rest.slice(1).trim() || undefined };
    if (rest.startsWith('"')) {
      const end = closingQuote(rest);
      if (end < 0) fail('a quoted user id has no closing "');
      try {
        fields.push(JSON.parse(rest.slice(0, end + 1)) as string);
      } catch {
        fail(`the quoted user id ${rest.slice(0, end + 1)} is not a valid JSON string`);
      }
      rest = rest.slice(end + 1);
      if (rest.length > 0 && !/^\s/.test(rest)) fail('a quoted user id must be followed by a space');
    } else {
      const field = /^[^\s]+/.exec(rest)![0];
      fields.push(field);
      rest = rest.slice(field.length);
    }
    rest = rest.trimStart();
  }
  return { fields };
}

/** Index of the `"` closing the JSON string at the start of `text`, or -1. */
function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}
