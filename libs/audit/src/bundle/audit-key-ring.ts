import { AuditKeyError, auditKeyFingerprint, MIN_AUDIT_KEY_LENGTH, type AuditKey } from './audit-key';

/**
 * Audit keys kept after a rotation, so bundles signed with them can still be verified (docs/audit.md,
 * "Rotating the audit key"). One key a line, `<keyId> <key>`: the keyId as the bundles name it
 * (`signature.keyId`), a space, then the key (the rest of the line, trimmed). `#` starts a comment
 * line; blank lines are skipped. A line that cannot be a key is refused with the file and line.
 */
export function parseAuditKeyRing(text: string, file: string): AuditKey[] {
  const keys: AuditKey[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const refuse = (rule: string) => new AuditKeyError(`${file}:${index + 1}: ${rule}`);
    const space = line.search(/\s/);
    if (space < 0) throw refuse('expected "<keyId> <key>"');
    const keyId = line.slice(0, space);
    const secret = line.slice(space).trim();
    if (secret.length < MIN_AUDIT_KEY_LENGTH)
      throw refuse(`the key of ${keyId} must be at least ${MIN_AUDIT_KEY_LENGTH} characters`);
    // A fingerprint names one key: a mismatch is a key pasted beside the wrong id.
    if (keyId.startsWith('sha256:') && keyId !== auditKeyFingerprint(secret))
      throw refuse(`${keyId} is not this key's fingerprint (${auditKeyFingerprint(secret)})`);
    if (keys.some((key) => key.keyId === keyId)) throw refuse(`${keyId} is listed twice`);
    keys.push({ keyId, secret: Buffer.from(secret, 'utf8') });
  });
  return keys;
}

/** The key a bundle names (`signature.keyId`) among the archived ones, else the current key. */
export function keyForBundle(bundle: unknown, current: AuditKey, archived: readonly AuditKey[]): AuditKey {
  const signature = (bundle as { signature?: { keyId?: unknown } } | null)?.signature;
  const keyId = signature !== null && typeof signature === 'object' ? signature.keyId : undefined;
  if (keyId === current.keyId) return current;
  return archived.find((key) => key.keyId === keyId) ?? current;
}
