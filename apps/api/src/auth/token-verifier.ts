import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { verify } from 'jsonwebtoken';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { AuthenticatedUser } from './authenticated-user';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER, MAX_TOKEN_HOURS, SESSION_HOURS } from './jwt-settings';
import { isRole } from './role';
import { SESSION_ID_PATTERN } from './session-ends';
import { VerifiedTokens } from './verified-tokens';

/** Verifies a bearer token and turns its claims into the caller; anything wrong is a 401 that says what. */
@Injectable()
export class TokenVerifier {
  /**
   * The HS256 key, made once: given the secret as a string, jsonwebtoken first tries to read it as a
   * public key and then builds a secret key on every request (a third of the CPU of a command).
   */
  private readonly key: KeyObject;
  private readonly verified = new VerifiedTokens();

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  verify(token: string): AuthenticatedUser {
    // jsonwebtoken's clock: whole seconds.
    const known = this.verified.get(token, Math.floor(Date.now() / 1000));
    if (known) return known;
    const { user, claims } = this.verifyAfresh(token);
    this.verified.remember(token, user, claims);
    return user;
  }

  private verifyAfresh(token: string): { user: AuthenticatedUser; claims: Record<string, unknown> } {
    let claims: Record<string, unknown>;
    try {
      const verified = verify(token, this.key, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
      if (typeof verified === 'string') throw new Error('payload is not a JSON object');
      claims = verified as Record<string, unknown>;
    } catch (error) {
      throw new UnauthorizedException(describeJwtFailure(error));
    }
    const { sub, name, role } = claims;
    if (typeof sub !== 'string' || sub.length === 0)
      throw new UnauthorizedException('Token has no subject (sub)');
    if (!isRole(role))
      throw new UnauthorizedException(`Token role ${JSON.stringify(role)} is not a Care Journey role`);
    const user: AuthenticatedUser = {
      id: sub,
      name: typeof name === 'string' && name.length > 0 ? name : sub,
      role,
    };
    const { jti } = claims;
    if (jti !== undefined) {
      // The session id names a stream (session-<jti>): only the ids our sign-in mints.
      if (typeof jti !== 'string' || !SESSION_ID_PATTERN.test(jti))
        throw new UnauthorizedException('Token session id (jti) is malformed');
      user.sessionId = jti;
    }
    checkLifetime(claims, jti === undefined ? MAX_TOKEN_HOURS : SESSION_HOURS);
    return { user, claims };
  }
}

/**
 * Every token must expire, within `maxHours` of when it was issued and of now (jsonwebtoken has
 * already refused an expired one and checked that exp and iat, when present, are numbers).
 */
function checkLifetime(claims: Record<string, unknown>, maxHours: number): void {
  const { exp, iat } = claims;
  if (typeof exp !== 'number')
    throw new UnauthorizedException('Token has no expiry (exp): every token must expire');
  const longest = maxHours * 3600;
  const now = Math.floor(Date.now() / 1000);
  if (exp - now > longest || (typeof iat === 'number' && exp - iat > longest)) {
    const kind = claims.jti === undefined ? 'a token' : 'a sign-in session';
    throw new UnauthorizedException(`Token lives longer than the ${maxHours} hours ${kind} may`);
  }
}

/** jsonwebtoken's messages are terse; say what is wrong in words a caller can act on. */
export function describeJwtFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'TokenExpiredError') return 'Token has expired';
  if (name === 'NotBeforeError') return 'Token is not valid yet';
  if (message === 'invalid signature') return 'Token signature is invalid';
  if (message.startsWith('jwt audience invalid')) return `Token audience is not ${JWT_AUDIENCE}`;
  if (message.startsWith('jwt issuer invalid')) return `Token issuer is not ${JWT_ISSUER}`;
  if (message === 'invalid algorithm') return `Token must be signed with ${JWT_ALGORITHM}`;
  return `Token is invalid (${message})`;
}
