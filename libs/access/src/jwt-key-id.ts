import { createHash } from 'node:crypto';

/**
 * The `kid` put in every token's header: a fingerprint of the secret that signed it
 * (`sha256:` and 16 hex digits of a domain-separated digest, as the audit key's id). It names the
 * key without helping anyone guess it: a token already lets anyone test guesses of the secret.
 * With it the API picks the key to verify with, and says when a token's key is no longer accepted.
 */
export const jwtKeyId = (secret: string): string =>
  `sha256:${createHash('sha256').update(`care-journey-jwt-key-id\n${secret}`, 'utf8').digest('hex').slice(0, 16)}`;
