/**
 * HTTP If-Match carries the stream revision the client last saw (our ETag is `"<revision>"`).
 * Quoted or bare digits are accepted; `*` asserts nothing beyond existence. Weak tags and
 * lists cannot name one revision, so they are refused rather than guessed at.
 */
export type IfMatch = { kind: 'none' } | { kind: 'any' } | { kind: 'revision'; revision: bigint };

export class InvalidIfMatch extends Error {
  override readonly name = 'InvalidIfMatch';
}

const REVISION = /^(0|[1-9][0-9]*)$/;

export function parseIfMatch(header: string | string[] | undefined): IfMatch {
  if (header === undefined) return { kind: 'none' };
  if (Array.isArray(header)) throw new InvalidIfMatch('If-Match must be sent once');
  const value = header.trim();
  if (value === '') return { kind: 'none' };
  if (value === '*') return { kind: 'any' };
  if (value.startsWith('W/'))
    throw new InvalidIfMatch('If-Match must be a strong tag (the stream revision), not a weak one');
  if (value.includes(',')) throw new InvalidIfMatch('If-Match must name exactly one revision');
  const bare = value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
  if (!REVISION.test(bare)) {
    throw new InvalidIfMatch(
      `If-Match must be the stream revision, a whole number such as "3"; got ${value}`,
    );
  }
  return { kind: 'revision', revision: BigInt(bare) };
}

/** The ETag for a stream revision. */
export const etagFor = (revision: bigint): string => `"${revision.toString(10)}"`;
