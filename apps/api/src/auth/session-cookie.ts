import { fastifyCookie } from '@fastify/cookie';

/** The web pages' session: an httpOnly, SameSite=Strict cookie holding the same JWT the API verifies. */
export const SESSION_COOKIE = 'cj_session';

/** The session token from a Cookie header, if any (the guard falls back to it when there is no Bearer header). */
export function sessionCookieToken(cookieHeader: string | string[] | undefined): string | undefined {
  if (typeof cookieHeader !== 'string' || cookieHeader.length === 0) return undefined;
  const token = fastifyCookie.parse(cookieHeader)[SESSION_COOKIE];
  return token && token.length > 0 ? token : undefined;
}
