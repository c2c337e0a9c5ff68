import { environmentKind } from './environment-kind';

/**
 * Which tokens the API accepts (CARE_JOURNEY_TOKENS):
 * - `recorded`: only those whose id is in the store's `tokens-issued` record: the API tokens
 *   `care-journey token` minted (the demo mints none) and, since session 18, the web sessions the
 *   sign-in recorded; so a token or session cookie signed with the secret by other means is refused;
 * - `signed`: any token the secret signed (before session 17, the only behaviour).
 * Web sign-ins are recorded under either value; only `recorded` refuses what is not.
 */
export type TokenAcceptance = 'recorded' | 'signed';

export const TOKENS_VARIABLE = 'CARE_JOURNEY_TOKENS';
export const TOKEN_ACCEPTANCES: readonly TokenAcceptance[] = ['recorded', 'signed'];

/** A CARE_JOURNEY_TOKENS value this project does not know; the message names the variable and the values. */
export class TokenAcceptanceError extends Error {
  override readonly name = 'TokenAcceptanceError';
  readonly variable = TOKENS_VARIABLE;
  constructor(readonly rule: string) {
    super(`${TOKENS_VARIABLE}: ${rule}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Unset or blank: `recorded` in production (a deployment gets the stricter check without knowing to
 * ask for it), `signed` elsewhere (development and tests mint tokens with the library directly).
 */
export function tokenAcceptance(env: Env = process.env): TokenAcceptance {
  const raw = env[TOKENS_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return environmentKind(env) === 'production' ? 'recorded' : 'signed';
  const value = TOKEN_ACCEPTANCES.find((allowed) => allowed === raw);
  if (value === undefined)
    throw new TokenAcceptanceError(
      `allowed values are 'recorded' (only tokens in the store's tokens-issued record) and 'signed' (any token the secret signed); unset means 'recorded' in production, 'signed' elsewhere; got "${raw}"`,
    );
  return value;
}
