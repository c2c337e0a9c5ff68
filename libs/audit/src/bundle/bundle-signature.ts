import { createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../integrity/canonical-json';
import type { AuditKey } from './audit-key';

/** The bytes signed: canonical JSON of the bundle with only `signature.value` removed. */
export function signingPayload(bundle: Record<string, unknown>): string {
  const signature = bundle['signature'];
  const rest =
    signature !== null && typeof signature === 'object' && !Array.isArray(signature)
      ? { ...(signature as Record<string, unknown>), value: undefined }
      : signature;
  return canonicalJson({ ...bundle, signature: rest });
}

export function hmacSign(payload: string, key: AuditKey): string {
  return createHmac('sha256', key.secret).update(payload, 'utf8').digest('hex');
}

/** Constant-time comparison, so a forger learns nothing from how fast a guess is refused. */
export function hmacMatches(payload: string, key: AuditKey, value: unknown): boolean {
  if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) return false;
  return timingSafeEqual(Buffer.from(hmacSign(payload, key), 'hex'), Buffer.from(value, 'hex'));
}
