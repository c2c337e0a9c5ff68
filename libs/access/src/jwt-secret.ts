import { isProduction } from './environment-kind';
import { DEV_JWT_SECRET } from './jwt-settings';

export const JWT_SECRET_VARIABLE = 'CARE_JOURNEY_JWT_SECRET';
/** The secret before the last rotation: tokens it signed are still accepted, none are signed with it. */
export const JWT_PREVIOUS_SECRET_VARIABLE = 'CARE_JOURNEY_JWT_SECRET_PREVIOUS';

/** HS256 keys shorter than the hash output weaken the signature. */
const MIN_SECRET_LENGTH = 32;

/** A token secret the API would refuse to start with; the message names the variable and the rule. */
export class JwtSecretError extends Error {
  override readonly name = 'JwtSecretError';
  constructor(
    readonly rule: string,
    readonly variable: string = JWT_SECRET_VARIABLE,
  ) {
    super(`${variable}: ${rule}`);
  }
}

export interface JwtSecret {
  jwtSecret: string;
  /** True when the fixed development secret is in use (never in production). */
  usingDevJwtSecret: boolean;
  /** CARE_JOURNEY_JWT_SECRET_PREVIOUS: verifies tokens signed before a rotation, signs nothing. */
  previousJwtSecret?: string;
}

/**
 * The secret tokens are signed with, by the same rule for the API (which verifies) and the CLI's
 * `token` (which mints): unset means the development secret, refused in production; else long enough.
 */
export function readJwtSecret(env: Record<string, string | undefined>): JwtSecret {
  const production = isProduction(env); // one reading of NODE_ENV everywhere (environment-kind.ts)
  const secret = env[JWT_SECRET_VARIABLE]?.trim() || undefined;
  if (secret === undefined || secret === DEV_JWT_SECRET) {
    if (production)
      throw new JwtSecretError(
        'must be set to a private secret when NODE_ENV=production (the development secret is refused)',
      );
    return { jwtSecret: DEV_JWT_SECRET, usingDevJwtSecret: true };
  }
  if (secret.length < MIN_SECRET_LENGTH)
    throw new JwtSecretError(`must be at least ${MIN_SECRET_LENGTH} characters (it signs HS256 tokens)`);
  const previous = readPreviousSecret(env, secret);
  return { jwtSecret: secret, usingDevJwtSecret: false, ...(previous && { previousJwtSecret: previous }) };
}

/**
 * The previous secret, during a rotation (apps/api/README.md, "Rotating the token secret"): as long
 * as the secret, never the development one (anyone could sign with it), and not the current one (a
 * rotation half made: the old secret was not replaced).
 */
function readPreviousSecret(env: Record<string, string | undefined>, current: string): string | undefined {
  const previous = env[JWT_PREVIOUS_SECRET_VARIABLE]?.trim() || undefined;
  if (previous === undefined) return undefined;
  const refuse = (rule: string) => new JwtSecretError(rule, JWT_PREVIOUS_SECRET_VARIABLE);
  if (previous === DEV_JWT_SECRET)
    throw refuse('must not be the development secret (anyone can sign with it)');
  if (previous.length < MIN_SECRET_LENGTH)
    throw refuse(`must be at least ${MIN_SECRET_LENGTH} characters, as ${JWT_SECRET_VARIABLE}`);
  if (previous === current)
    throw refuse(
      `is the same as ${JWT_SECRET_VARIABLE}: set ${JWT_SECRET_VARIABLE} to the new secret and this one to the old`,
    );
  return previous;
}
