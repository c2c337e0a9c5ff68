import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { AuthenticatedUser } from './authenticated-user';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './jwt-settings';
import { isRole } from './role';

/** Verifies a bearer token and turns its claims into the caller; anything wrong is a 401 that says what. */
@Injectable()
export class TokenVerifier {
  private readonly jwt = new JwtService();

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  verify(token: string): AuthenticatedUser {
    let claims: Record<string, unknown>;
    try {
      claims = this.jwt.verify<Record<string, unknown>>(token, {
        secret: this.config.jwtSecret,
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      });
    } catch (error) {
      throw new UnauthorizedException(describeJwtFailure(error));
    }
    const { sub, name, role } = claims;
    if (typeof sub !== 'string' || sub.length === 0)
      throw new UnauthorizedException('Token has no subject (sub)');
    if (!isRole(role))
      throw new UnauthorizedException(`Token role ${JSON.stringify(role)} is not a Care Journey role`);
    return { id: sub, name: typeof name === 'string' && name.length > 0 ? name : sub, role };
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
