export interface CookieOptions {
  maxAgeSeconds?: number;
  secure: boolean;
}

/**
 * A Set-Cookie value for our cookies: always httpOnly, SameSite=Strict, whole site, no Domain (so
 * host-only). A `__Host-` name must be Secure (browsers drop it otherwise): refused here, as a bug.
 */
export function setCookie(name: string, value: string, { maxAgeSeconds, secure }: CookieOptions): string {
  if (name.startsWith('__Host-') && !secure)
    throw new Error(`Cookie ${name}: a __Host- cookie must be Secure`);
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Strict'];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  if (secure) parts.push('Secure');
  return parts.join('; ');
}
