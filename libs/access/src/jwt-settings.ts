/** Token settings shared by the API (verify) and the CLI (mint). */
export const JWT_ISSUER = 'care-journey';
export const JWT_AUDIENCE = 'care-journey';
export const JWT_ALGORITHM = 'HS256' as const;

/**
 * Longest lifetime of any token the API accepts (exp - iat, and exp - now): what the CLI's `token`
 * mints at most (30 days). A token without `exp` is refused: it would be valid for ever. Before it
 * expires a token is revoked through CARE_JOURNEY_REVOKED_TOKENS (revocation/), or every token at
 * once by rotating CARE_JOURNEY_JWT_SECRET without keeping the old one as
 * CARE_JOURNEY_JWT_SECRET_PREVIOUS.
 */
export const MAX_TOKEN_HOURS = 24 * 30;

/** A web sign-in's session (the `cj_session` cookie): a working day. Longer session tokens are refused. */
export const SESSION_HOURS = 8;

/** Used only in development when CARE_JOURNEY_JWT_SECRET is unset; refused in production. */
export const DEV_JWT_SECRET = 'care-journey-dev-secret-do-not-use-in-production';

/**
 * The `kind` claim of an API client's token (the CLI's `token`), whose `jti` is the token's id for
 * revocation. A token with a `jti` and no `kind` is a web sign-in's session (session-ends.ts).
 */
export const API_TOKEN_KIND = 'api';

/** Claims Care Journey puts in (and requires of) a token. */
export interface CareJourneyClaims {
  sub: string;
  name: string;
  role: string;
  kind?: typeof API_TOKEN_KIND;
  /** Issued at (Unix seconds); jsonwebtoken sets it to now unless given. */
  iat?: number;
}
