import { isProduction } from '@care-journey/access';

/**
 * The web pages' session: an httpOnly, SameSite=Strict cookie holding the same JWT the API verifies.
 * Its name where cookies are Secure is `__Host-cj_session` (sessionCookieName).
 */
export const SESSION_COOKIE = 'cj_session';

/**
 * Where cookies are Secure (HTTPS only) their names carry the `__Host-` prefix: a browser accepts
 * such a cookie only when it is Secure, for the whole site (Path=/) and from this host (no Domain),
 * so a sibling subdomain or a plain-HTTP page cannot plant or overwrite it (cookie tossing). The
 * demo over http://localhost cannot have Secure cookies, so it keeps the plain names.
 */
export const HOST_PREFIX = '__Host-';
export const cookieName = (name: string, secure: boolean): string =>
  secure ? `${HOST_PREFIX}${name}` : name;
export const sessionCookieName = (secure: boolean): string => cookieName(SESSION_COOKIE, secure);

/**
 * Cookies are `Secure` always when NODE_ENV=production, the setting every deployment runs with (it
 * already refuses the development secrets): behind a TLS proxy the API may itself see plain HTTP,
 * and request.protocol says https only when CARE_JOURNEY_TRUST_PROXY names the proxy. In
 * development, only over https: the demo signs in over http://localhost.
 */
export const secureCookies = (request: { protocol?: string }): boolean =>
  isProduction(process.env) || request.protocol === 'https';

/**
 * Cookie header → name/value pairs (RFC 6265). Written here because @fastify/cookie's standalone
 * parser works only once its plugin has loaded the ESM `cookie` package.
 */
export function parseCookieHeader(header: string | string[] | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (typeof header !== 'string') return cookies;
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at <= 0) continue;
    const name = pair.slice(0, at).trim();
    let value = pair.slice(at + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    // First one wins, as browsers send the most specific path first.
    if (!(name in cookies)) {
      try {
        cookies[name] = decodeURIComponent(value);
      } catch {
        cookies[name] = value;
      }
    }
  }
  return cookies;
}

/**
 * The session token from the request's cookies, if any (the guard falls back to it when there is no
 * Bearer header). Only the name this request's cookies carry: where they are Secure, a plain
 * `cj_session` (which anyone able to set a cookie for the site could have planted) is ignored.
 */
export function sessionCookieToken(request: {
  headers: Record<string, string | string[] | undefined>;
  protocol?: string;
}): string | undefined {
  const token = parseCookieHeader(request.headers.cookie)[sessionCookieName(secureCookies(request))];
  return token && token.length > 0 ? token : undefined;
}
