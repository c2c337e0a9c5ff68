import { createHash } from 'node:crypto';
import { isProduction } from '@care-journey/access';

/** The HMAC key bundles are signed and verified with. */
export interface AuditKey {
  keyId: string;
  secret: Buffer;
}

export const AUDIT_KEY_VARIABLE = 'CARE_JOURNEY_AUDIT_KEY';
export const AUDIT_KEY_ID_VARIABLE = 'CARE_JOURNEY_AUDIT_KEY_ID';
export const DEV_AUDIT_KEY_ID = 'dev-insecure';
// Public on purpose: a bundle signed with it proves nothing, which is what the warning says.
const DEV_AUDIT_SECRET = 'care-journey-dev-audit-key-do-not-use-in-production';
export const MIN_AUDIT_KEY_LENGTH = 32;
const MIN_KEY_LENGTH = MIN_AUDIT_KEY_LENGTH;

export class AuditKeyError extends Error {
  override readonly name = 'AuditKeyError';
}

export interface LoadedAuditKey {
  key: AuditKey;
  /** Set when the fixed development key is in use: callers must show it loudly. */
  warning?: string;
}

type Env = Record<string, string | undefined>;

/**
 * Reads the signing key from CARE_JOURNEY_AUDIT_KEY (at least 32 characters). Its id is
 * CARE_JOURNEY_AUDIT_KEY_ID, or a fingerprint of the key, so a verifier can tell which key it needs.
 * Unset: the development key with a warning, refused when NODE_ENV=production.
 */
export function loadAuditKey(env: Env = process.env): LoadedAuditKey {
  const secret = env[AUDIT_KEY_VARIABLE]?.trim();
  if (!secret) {
    if (isProduction(env)) {
      throw new AuditKeyError(`${AUDIT_KEY_VARIABLE} is not set; it is required when NODE_ENV=production`);
    }
    return {
      key: { keyId: DEV_AUDIT_KEY_ID, secret: Buffer.from(DEV_AUDIT_SECRET, 'utf8') },
      warning: `WARNING: ${AUDIT_KEY_VARIABLE} is not set; audit bundles are signed with the PUBLIC development key "${DEV_AUDIT_KEY_ID}" and prove nothing. Set ${AUDIT_KEY_VARIABLE} to a secret of at least ${MIN_KEY_LENGTH} characters.`,
    };
  }
  if (secret.length < MIN_KEY_LENGTH) {
    throw new AuditKeyError(
      `${AUDIT_KEY_VARIABLE} must be at least ${MIN_KEY_LENGTH} characters (got ${secret.length})`,
    );
  }
  const keyId = env[AUDIT_KEY_ID_VARIABLE]?.trim() || auditKeyFingerprint(secret);
  return { key: { keyId, secret: Buffer.from(secret, 'utf8') } };
}

/** The default keyId: a domain-separated digest that names the key without helping anyone guess it. */
export const auditKeyFingerprint = (secret: string): string =>
  `sha256:${createHash('sha256').update(`care-journey-audit-key-id\n${secret}`, 'utf8').digest('hex').slice(0, 16)}`;
