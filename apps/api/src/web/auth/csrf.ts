import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cookieName, parseCookieHeader, secureCookies, sessionCookieToken } from '../../auth/session-cookie';
import { setCookie } from './set-cookie';

export { secureCookies } from '../../auth/session-cookie';

/**
 * CSRF tokens, bound to the session (apps/api/README.md, "Web sessions and signing out"):
 *
 * - Signed in, every form's `_csrf` is a hash of the session's own token (the JWT in the httpOnly
 *   session cookie, which carries the session id): recomputed from the cookie each request, so
 *   nothing is stored, a new one comes with each sign-in, a token from one session is refused with
 *   another session's cookie, and once the session is signed out (or its role changed) its cookie,
 *   and so its token, is refused by the authentication guard.
 * - Before sign-in (the sign-in form itself), a random token in a cookie of its own, echoed by the
 *   form (double submit); it is dropped when a session starts and when it ends.
 *
 * A cross-site page can neither read the cookies nor compute the token from them.
 */
export const CSRF_COOKIE = 'cj_csrf';
export const CSRF_FIELD = '_csrf';

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,}$/;
/** Keeps this hash apart from any other use of the session token. */
const SESSION_TOKEN_LABEL = 'care-journey web form token v1\0';

export const cookiesOf = (request: FastifyRequest): Record<string, string> =>
  parseCookieHeader(request.headers.cookie);

/** The pre-sign-in cookie's name for this request (`__Host-cj_csrf` where cookies are Secure). */
export const csrfCookieName = (request: FastifyRequest): string =>
  cookieName(CSRF_COOKIE, secureCookies(request));

/** The form token of a session, derived from its session token (the cookie's value). */
export const sessionFormToken = (sessionToken: string): string =>
  createHash('sha256').update(SESSION_TOKEN_LABEL).update(sessionToken).digest('base64url');

/** The token this request's forms must echo: the session's when it has one, else the pre-sign-in cookie's. */
function expectedToken(request: FastifyRequest): string | undefined {
  const session = sessionCookieToken(request);
  if (session) return sessionFormToken(session);
  const preSession = cookiesOf(request)[csrfCookieName(request)];
  return preSession && TOKEN_PATTERN.test(preSession) ? preSession : undefined;
}

/** The token for this request's forms; before sign-in, a random one set as a cookie on first use. */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const expected = expectedToken(request);
  if (expected) return expected;
  const token = randomBytes(24).toString('base64url');
  appendCookie(reply, setCookie(csrfCookieName(request), token, { secure: secureCookies(request) }));
  return token;
}

export function csrfMatches(request: FastifyRequest, submitted: unknown): boolean {
  const expected = expectedToken(request);
  if (typeof submitted !== 'string' || !expected || submitted.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(submitted), Buffer.from(expected));
}

/** Drops the pre-sign-in token: at sign-in (the session's own takes over) and at sign-out. */
export function dropPreSessionToken(request: FastifyRequest, reply: FastifyReply): void {
  if (cookiesOf(request)[csrfCookieName(request)] === undefined) return;
  appendCookie(
    reply,
    setCookie(csrfCookieName(request), '', { secure: secureCookies(request), maxAgeSeconds: 0 }),
  );
}

/** Fastify appends repeated Set-Cookie headers rather than replacing them. */
export function appendCookie(reply: FastifyReply, cookie: string): void {
  void reply.header('set-cookie', cookie);
}
