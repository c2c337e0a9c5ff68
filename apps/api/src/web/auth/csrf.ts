import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseCookieHeader } from '../../auth/session-cookie';
import { setCookie } from './set-cookie';

/**
 * Double-submit CSRF: a random token in an httpOnly cookie, echoed by every form as `_csrf`.
 * A cross-site page can neither read the cookie nor guess the token.
 */
export const CSRF_COOKIE = 'cj_csrf';
export const CSRF_FIELD = '_csrf';

export const cookiesOf = (request: FastifyRequest): Record<string, string> =>
  parseCookieHeader(request.headers.cookie);

/**
 * Cookies are `Secure` (sent over HTTPS only) always when NODE_ENV=production, the setting every
 * deployment runs with (it already refuses the development secrets): behind a TLS proxy the API may
 * itself see plain HTTP, and request.protocol says https only when CARE_JOURNEY_TRUST_PROXY names
 * the proxy. In development, only over https: the demo signs in over http://localhost.
 */
export const secureCookies = (request: FastifyRequest): boolean =>
  process.env.NODE_ENV === 'production' || request.protocol === 'https';

/** The token for this browser, set as a cookie on first use. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = cookiesOf(request)[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  appendCookie(reply, setCookie(CSRF_COOKIE, token, { secure: secureCookies(request) }));
  return token;
}

export function csrfMatches(request: FastifyRequest, submitted: unknown): boolean {
  const cookie = cookiesOf(request)[CSRF_COOKIE];
  if (typeof submitted !== 'string' || !cookie || submitted.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(cookie));
}

/** Fastify appends repeated Set-Cookie headers rather than replacing them. */
export function appendCookie(reply: FastifyReply, cookie: string): void {
  void reply.header('set-cookie', cookie);
}
