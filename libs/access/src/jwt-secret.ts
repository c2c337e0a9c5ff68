import { isProduction } from './environment-kind';
import { DEV_JWT_SECRET } from './jwt-settings';

export const JWT_SECRET_VARIABLE = 'CARE_JOURNEY_JWT_SECRET';

/** HS256 keys shorter than the hash output weaken the signature. */
const MIN_SECRET_LENGTH = 32;

/** A token secret the API would refuse to start with; the message names the variable and the rule. */
export class JwtSecretError extends Error {
  override readonly name = 'JwtSecretError';
  readonly variable = JWT_SECRET_VARIABLE;
  constructor(readonly rule: string) {
    super(`${JWT_SECRET_VARIABLE}: ${rule}`);
  }
}

export interface JwtSecret {
  jwtSecret: string;
  /** True when the fixed development secret is in use (never in production). */
  usingDevJwtSecret: boolean;
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
  return { jwtSecret: secret, usingDevJwtSecret: false };
}
