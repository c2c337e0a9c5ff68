/**
 * A sign-in name: letters, digits and . _ - @ (an email address fits), 1–64 of them. Names are
 * compared ignoring case at sign-in and for tokens, so spaces (which a form trims) and two entries
 * that differ only in case would let one person sign in as another.
 */
const USERNAME = /^[\p{L}\p{N}._@-]{1,64}$/u;

export const USERNAME_RULE = '1–64 letters, digits or . _ - @ (no spaces)';

/** Why `username` cannot be a sign-in name, or undefined. */
export function usernameProblem(username: unknown): string | undefined {
  if (typeof username !== 'string' || username === '') return 'must be a non-empty string';
  return USERNAME.test(username) ? undefined : `must be ${USERNAME_RULE}, got ${JSON.stringify(username)}`;
}

/** The first username that appears twice ignoring case, with both entries' indexes, or undefined. */
export function usernameTwice(
  usernames: readonly string[],
): { username: string; first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (const [index, username] of usernames.entries()) {
    const key = username.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) return { username, first, second: index };
    seen.set(key, index);
  }
  return undefined;
}
