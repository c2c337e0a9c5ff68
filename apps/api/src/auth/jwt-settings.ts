/** Token settings shared by the API (verify) and the CLI (mint). */
export const JWT_ISSUER = 'care-journey';
export const JWT_AUDIENCE = 'care-journey';
export const JWT_ALGORITHM = 'HS256' as const;

/** Used only in development when CARE_JOURNEY_JWT_SECRET is unset; refused in production. */
export const DEV_JWT_SECRET = 'care-journey-dev-secret-do-not-use-in-production';

/** Claims Care Journey puts in (and requires of) a token. */
export interface CareJourneyClaims {
  sub: string;
  name: string;
  role: string;
}
