import { AuditKeyError, DEV_AUDIT_KEY_ID, loadAuditKey } from './audit-key';

describe('loadAuditKey', () => {
  it('uses CARE_JOURNEY_AUDIT_KEY with a fingerprint id that does not reveal it', () => {
    const secret = 'k'.repeat(40);
    const { key, warning } = loadAuditKey({ CARE_JOURNEY_AUDIT_KEY: secret });
    expect(warning).toBeUndefined();
    expect(key.secret.toString()).toBe(secret);
    expect(key.keyId).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(key.keyId).not.toContain('kkkk');
  });

  it('takes the key id from CARE_JOURNEY_AUDIT_KEY_ID when given', () => {
    expect(
      loadAuditKey({ CARE_JOURNEY_AUDIT_KEY: 'k'.repeat(40), CARE_JOURNEY_AUDIT_KEY_ID: 'la-2025' }).key
        .keyId,
    ).toBe('la-2025');
  });

  it('falls back to the development key with a loud warning outside production', () => {
    const { key, warning } = loadAuditKey({});
    expect(key.keyId).toBe(DEV_AUDIT_KEY_ID);
    expect(warning).toMatch(/WARNING.*CARE_JOURNEY_AUDIT_KEY/);
  });

  it('refuses to run without a key in production, and refuses short keys', () => {
    expect(() => loadAuditKey({ NODE_ENV: 'production' })).toThrow(AuditKeyError);
    expect(() => loadAuditKey({ CARE_JOURNEY_AUDIT_KEY: 'short' })).toThrow(/at least 32 characters/);
  });
});
