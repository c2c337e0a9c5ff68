export interface CookieOptions {
  maxAgeSeconds?: number;
  secure: boolean;
}

/** A Set-Cookie value for our cookies: always httpOnly, SameSite=Strict, whole site. */
export function setCookie(name: string, value: string, { maxAgeSeconds, secure }: CookieOptions): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
