import { environmentKind } from './environment-kind';

/**
 * Which bearer tokens the API accepts (CARE_JOURNEY_TOKENS):
 * - `recorded`: only API tokens whose id is in the store's `tokens-issued` record (the ones
 *   `care-journey token` minted; the demo records none), so a token signed with the secret by other means
 *   is refused;
 * - `signed`: any token the secret signed (before session 17, the only behaviour).
 * Web sign-in sessions are not API tokens: neither value changes how they are checked.
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
