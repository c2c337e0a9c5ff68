import { idempotentChildId, idempotentEventId, readIdempotency, requestHash } from './idempotency';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

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
    expect(a).toMatch(/^[0-9a-f]{64}$/);
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
