/**
 * The Idempotency-Key request header: the client's name for one command, so that sending it
 * again (after a timeout, a reset connection, a restart) returns what the first one recorded
 * instead of recording it twice. Visible ASCII only: the key is stored in the events' metadata.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export const IDEMPOTENCY_KEY_RULE =
  '1–128 visible ASCII characters (letters, digits, punctuation; no spaces)';

const KEY = /^[\x21-\x7e]{1,128}$/;

export class InvalidIdempotencyKey extends Error {
  override readonly name = 'InvalidIdempotencyKey';
}

/** The header's key, or undefined when it is absent; anything else breaks the rule. */
export function parseIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) throw new InvalidIdempotencyKey(`${IDEMPOTENCY_KEY_HEADER} must be sent once`);
  if (!KEY.test(header)) {
    throw new InvalidIdempotencyKey(
      `${IDEMPOTENCY_KEY_HEADER} must be ${IDEMPOTENCY_KEY_RULE}; got ${header.length} characters` +
        (header.length > 0 && header.length <= 128 ? ' with a space or a non-ASCII/control character' : ''),
    );
  }
  return header;
}
