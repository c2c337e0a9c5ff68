import { JwtService } from '@nestjs/jwt';
import type { Role } from './role';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, type CareJourneyClaims } from './jwt-settings';

export interface MintTokenOptions {
  secret: string;
  userId: string;
  role: Role;
  name?: string;
  /** Lifetime in hours (may be fractional); default 8, a working day. */
  hours?: number;
  /**
   * A web sign-in's session id, as the token's `jti`: signing out ends it server-side
   * (session-ends.ts). Tokens for API clients (the CLI's `token`) carry none.
   */
  sessionId?: string;
}

/** Signs a Care Journey token (CLI `token` command, tests). */
export function mintToken({ secret, userId, role, name, hours = 8, sessionId }: MintTokenOptions): string {
  const claims: CareJourneyClaims = { sub: userId, name: name ?? userId, role };
  return new JwtService().sign(claims, {
    secret,
    algorithm: JWT_ALGORITHM,
    issuer: JWT_ISSUER,
    audience: JWT_AUDIENCE,
    expiresIn: Math.round(hours * 3600),
    ...(sessionId === undefined ? {} : { jwtid: sessionId }),
  });
}
