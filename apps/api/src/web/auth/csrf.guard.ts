import { ForbiddenException, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { sessionCookieToken } from '../../auth/session-cookie';
import { CSRF_FIELD, csrfMatches } from './csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global: a write authenticated by the session cookie (no Authorization header) must echo the
 * session's CSRF token (csrf.ts: derived from that very cookie), as a form field or an
 * X-CSRF-Token header. Bearer-token callers are not affected. A write with no session cookie is
 * refused by authentication, except the sign-in, which checks its pre-sign-in token itself.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return true;
    if (!sessionCookieToken(request)) return true;
    const body = request.body as Record<string, unknown> | undefined;
    const submitted = body?.[CSRF_FIELD] ?? request.headers['x-csrf-token'];
    if (!csrfMatches(request, submitted)) {
      throw new ForbiddenException(
        'The form has expired or did not come from this service: go back, reload the page and try again',
      );
    }
    return true;
  }
}
