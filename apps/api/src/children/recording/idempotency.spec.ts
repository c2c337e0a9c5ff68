import { createHash } from 'node:crypto';
import { canonicalJson } from '@care-journey/audit';
import {
  idempotentChildId,
  idempotentEventId,
  legacyRequestHash,
  matchRequest,
  readIdempotency,
  RequestHasher,
} from './idempotency';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const hasher = new RequestHasher('the-server-secret-of-this-spec-0123456789');
const requestHash = (type: string, childId: string, body: object) => hasher.hash(type, childId, body);

describe('idempotency: request hash and name-based ids', () => {
  it('hashes the same request the same way whatever the key order; another value, type or child differs', () => {
    const a = requestHash('RecordReview', 'c1', { effectiveDate: '2024-01-09', participation: 'PN1' });
    expect(requestHash('RecordReview', 'c1', { participation: 'PN1', effectiveDate: '2024-01-09' })).toBe(a);
    expect(
      requestHash('RecordReview', 'c1', {
        participation: 'PN1',
        effectiveDate: '2024-01-09',
        note: undefined,
      }),
    ).toBe(a);
    expect(requestHash('RecordReview', 'c1', { effectiveDate: '2024-01-10', participation: 'PN1' })).not.toBe(
      a,
    );
    expect(requestHash('RecordReview', 'c2', { effectiveDate: '2024-01-09', participation: 'PN1' })).not.toBe(
      a,
    );
    expect(requestHash('EndCare', 'c1', { effectiveDate: '2024-01-09', participation: 'PN1' })).not.toBe(a);
    expect(a).toMatch(/^hmac-sha256:[0-9a-f]{8}:[0-9a-f]{64}$/);
  });

  it('Given a registration, When its request hash is made, Then it is keyed: not the plain SHA-256 of the request (a guessed name cannot be checked against it without the secret), and another secret gives another hash and key id', () => {
    const body = { name: 'Hash Probe', dateOfBirth: '2013-03-02', upn: 'UN2', homePostcode: 'CB1 2AB' };
    const hash = requestHash('RegisterChild', 'c1', body);
    const plain = createHash('sha256')
      .update(canonicalJson({ type: 'RegisterChild', childId: 'c1', body }))
      .digest('hex');
    expect(hash).not.toContain(plain);
    expect(legacyRequestHash('RegisterChild', 'c1', body)).toBe(plain);
    const other = new RequestHasher('another-server-secret-0123456789-abcdef');
    const [, keyId, mac] = hash.split(':');
    const [, otherKeyId, otherMac] = other.hash('RegisterChild', 'c1', body).split(':');
    expect(otherKeyId).not.toBe(keyId);
    expect(otherMac).not.toBe(mac);
  });

  it('Given a stored hash, When a retry is compared with it, Then the same keyed hash or the old unkeyed one of the same request is the same request; another is different; one under another secret cannot be compared', () => {
    const body = { effectiveDate: '2024-01-09', participation: 'PN1' };
    const retry = {
      key: 'k',
      requestHash: requestHash('RecordReview', 'c1', body),
      legacyRequestHash: () => legacyRequestHash('RecordReview', 'c1', body),
    };
    const another = { ...body, participation: 'PN2' };
    expect(matchRequest(retry.requestHash, retry)).toBe('same');
    expect(matchRequest(legacyRequestHash('RecordReview', 'c1', body), retry)).toBe('same');
    expect(matchRequest(legacyRequestHash('RecordReview', 'c1', another), retry)).toBe('different');
    expect(matchRequest(requestHash('RecordReview', 'c1', another), retry)).toBe('different');
    const rotated = new RequestHasher('the-secret-before-it-was-rotated-0123456789');
    expect(matchRequest(rotated.hash('RecordReview', 'c1', body), retry)).toBe('other-key');
    expect(matchRequest(retry.requestHash, undefined)).toBe('different');
  });

  it('derives valid uuids, stable for the same user, key, request and index, distinct otherwise', () => {
    const idem = { key: 'k', requestHash: 'h' };
    const id = idempotentEventId('alice', idem, 0);
    expect(id).toMatch(UUID);
    expect(idempotentEventId('alice', idem, 0)).toBe(id);
    const others = [
      idempotentEventId('bob', idem, 0),
      idempotentEventId('alice', { key: 'k2', requestHash: 'h' }, 0),
      idempotentEventId('alice', { key: 'k', requestHash: 'h2' }, 0),
      idempotentEventId('alice', idem, 1),
    ];
    expect(new Set([id, ...others]).size).toBe(5);
    expect(idempotentChildId('alice', 'k')).toMatch(UUID);
    expect(idempotentChildId('alice', 'k')).toBe(idempotentChildId('alice', 'k'));
    expect(idempotentChildId('bob', 'k')).not.toBe(idempotentChildId('alice', 'k'));
  });

  it('reads the key back from metadata, and nothing from an unkeyed event', () => {
    expect(readIdempotency({ idempotency: { key: 'k', requestHash: 'h' } })).toEqual({
      key: 'k',
      requestHash: 'h',
    });
    expect(readIdempotency({ recordedBy: 'alice' })).toBeUndefined();
    expect(readIdempotency({ idempotency: 'k' })).toBeUndefined();
  });
});
