import { randomUUID } from 'node:crypto';
import { sign } from 'jsonwebtoken';
import { jwtKeyId } from './jwt-key-id';
import type { Role } from './role';
import {
  API_TOKEN_KIND,
  JWT_ALGORITHM,
  JWT_AUDIENCE,
  JWT_ISSUER,
  type CareJourneyClaims,
} from './jwt-settings';

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
  /**
   * An API client's token id (its `jti`, with `kind: "api"`), by which it can be revoked
   * (revocation/); default a new uuid. Ignored with `sessionId`.
   */
  tokenId?: string;
  /** When it was issued (`iat`); default now. Specs date a token in the past with it. */
  issuedAt?: Date;
}

/** A new token id: a uuid, as session ids are. */
export const newTokenId = (): string => randomUUID();

/** Signs a Care Journey token (CLI `token` command, the sign-in, tests), naming its key (`kid`). */
export function mintToken({
  secret,
  userId,
  role,
  name,
  hours = 8,
  sessionId,
  tokenId,
  issuedAt,
}: MintTokenOptions): string {
  const claims: CareJourneyClaims = {
    sub: userId,
    name: name ?? userId,
    role,
    ...(sessionId === undefined ? { kind: API_TOKEN_KIND } : {}),
    ...(issuedAt === undefined ? {} : { iat: Math.floor(issuedAt.getTime() / 1000) }),
  };
  return sign(claims, secret, {
    algorithm: JWT_ALGORITHM,
    issuer: JWT_ISSUER,
    audience: JWT_AUDIENCE,
    keyid: jwtKeyId(secret),
    expiresIn: Math.round(hours * 3600),
    jwtid: sessionId ?? tokenId ?? newTokenId(),
  });
}
