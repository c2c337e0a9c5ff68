/**
 * Find a child's search in an address without the words searched for (review s15 F8): names typed
 * into the search must not land in addresses (browser history, a proxy's access log). The form is
 * sent by POST and answered with a redirect to `?s=<token>`: the search sealed (AES-256-GCM) with a
 * key derived from the caller's own credential (the session cookie's token, or the bearer token).
 * Nothing is stored, any API process on the store opens it, and it opens for that session only: once
 * signed out, or in another session, the address finds nothing (the page asks to search again).
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sessionCookieToken } from '../../auth/session-cookie';

/** Keeps this key apart from any other use of the credential (the CSRF token hashes it too). */
const KEY_LABEL = 'care-journey find-a-child search v1\0';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A sealed search of at most MAX_SEARCH_LENGTH characters (4 bytes each at most) fits well inside this. */
export const MAX_SEARCH_TOKEN_LENGTH = 640;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]+$/;

/** The credential the request was authenticated with, as the auth guard reads it. */
export function credentialOf(request: Pick<FastifyRequest, 'headers'>): string {
  const header = request.headers.authorization;
  if (typeof header === 'string') return header.trim().replace(/^Bearer\s+/i, '');
  return sessionCookieToken(request) ?? '';
}

const keyOf = (credential: string): Buffer =>
  createHash('sha256').update(KEY_LABEL).update(credential).digest();

export function sealSearch(text: string, credential: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyOf(credential), iv);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The search sealed in `token` for this credential, or undefined (another session's, altered, not a token). */
export function openSearch(token: string, credential: string): string | undefined {
  if (token.length > MAX_SEARCH_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(credential), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const text = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return text.toString('utf8');
  } catch {
    return undefined;
  }
}
