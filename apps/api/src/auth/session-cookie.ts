/** The web pages' session: an httpOnly, SameSite=Strict cookie holding the same JWT the API verifies. */
export const SESSION_COOKIE = 'cj_session';

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

/** The session token from a Cookie header, if any (the guard falls back to it when there is no Bearer header). */
export function sessionCookieToken(cookieHeader: string | string[] | undefined): string | undefined {
  const token = parseCookieHeader(cookieHeader)[SESSION_COOKIE];
  return token && token.length > 0 ? token : undefined;
}
