import { auditKeyFingerprint } from './audit-key';
import { keyForBundle, parseAuditKeyRing } from './audit-key-ring';

const OLD = 'o'.repeat(40);

describe('archived audit keys (review s12-ops F5)', () => {
  it('Given lines "<keyId> <key>" with comments and blanks, When parsed, Then each key by its id', () => {
    const ring = parseAuditKeyRing(
      `# kept after rotations\n\n${auditKeyFingerprint(OLD)} ${OLD}\nlegacy-2024  a key with spaces in it, long enough \n`,
      'ring',
    );
    expect(ring.map(({ keyId, secret }) => [keyId, secret.toString('utf8')])).toEqual([
      [auditKeyFingerprint(OLD), OLD],
      ['legacy-2024', 'a key with spaces in it, long enough'],
    ]);
  });

  it.each([
    ['lonely-token', 'ring:1: expected "<keyId> <key>"'],
    ['id short', 'ring:1: the key of id must be at least 32 characters'],
    [`a ${OLD}\na ${OLD}`, 'ring:2: a is listed twice'],
    [`sha256:0000000000000000 ${OLD}`, "ring:1: sha256:0000000000000000 is not this key's fingerprint"],
  ])('Given %p, When parsed, Then refused naming file and line', (text, message) => {
    expect(() => parseAuditKeyRing(text, 'ring')).toThrow(message);
  });

  it('Given a bundle, Then its keyId picks the archived key, else the current one', () => {
    const current = { keyId: 'now', secret: Buffer.from('c') };
    const archived = [{ keyId: 'then', secret: Buffer.from('t') }];
    expect(keyForBundle({ signature: { keyId: 'then' } }, current, archived)).toBe(archived[0]);
    expect(keyForBundle({ signature: { keyId: 'unknown' } }, current, archived)).toBe(current);
    expect(keyForBundle(null, current, archived)).toBe(current);
  });
});
