import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { sessionCookieToken } from '../../auth/session-cookie';
import { CSRF_FIELD, csrfMatches } from './csrf';
import { FormTokenRefused } from './form-token-refused';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global: a write authenticated by the session cookie (no Authorization header) must echo the
 * session's CSRF token (csrf.ts: derived from that very cookie), as a form field or an
 * X-CSRF-Token header. Bearer-token callers are not affected. A write with no session cookie is
 * refused by authentication, except the sign-in, which checks its pre-sign-in token itself.
 * A refusal is a FormTokenRefused (403): the pages say the form was not sent, not "cannot see".
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (SAFE_METHODS.has(request.method) || request.headers.authorization !== undefined) return true;
    if (!sessionCookieToken(request)) return true;
    const body = request.body as Record<string, unknown> | undefined;
    const submitted = body?.[CSRF_FIELD] ?? request.headers['x-csrf-token'];
    // Refused here, before any handler: a record form may come back filled in (its filter), never recorded.
    if (!csrfMatches(request, submitted)) throw new FormTokenRefused();
    return true;
  }
}
