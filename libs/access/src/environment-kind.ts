/**
 * NODE_ENV, read in one place: every check that differs between production and development (the
 * token secret, the audit key, the demo users, Secure cookies, the exposure guard, `demo`) asks
 * here, so a value cannot count as production for one check and as development for another.
 */
export type EnvironmentKind = 'production' | 'development' | 'test';

export const NODE_ENV_VARIABLE = 'NODE_ENV';
export const ENVIRONMENT_KINDS: readonly EnvironmentKind[] = ['production', 'development', 'test'];

/** A NODE_ENV this project does not know; the message names the variable and the allowed values. */
export class EnvironmentKindError extends Error {
  override readonly name = 'EnvironmentKindError';
  readonly variable = NODE_ENV_VARIABLE;
  constructor(readonly rule: string) {
    super(`${NODE_ENV_VARIABLE}: ${rule}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Unset or blank: development. Surrounding spaces are ignored (a `.env` file or a systemd
 * EnvironmentFile easily leaves one). Anything else, a typo like `prod` included, is refused rather
 * than quietly meaning development, which would serve demo users and a public key on a server.
 */
export function environmentKind(env: Env = process.env): EnvironmentKind {
  const raw = env[NODE_ENV_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return 'development';
  const kind = ENVIRONMENT_KINDS.find((allowed) => allowed === raw);
  if (kind === undefined)
    throw new EnvironmentKindError(
      `allowed values are ${ENVIRONMENT_KINDS.map((k) => `'${k}'`).join(', ')} (unset means 'development'), got "${raw}"`,
    );
  return kind;
}

export const isProduction = (env: Env = process.env): boolean => environmentKind(env) === 'production';
