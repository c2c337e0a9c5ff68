import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '@care-journey/audit';
import { nameBasedUuid } from '@care-journey/registrations';

/**
 * A keyed command as it is recorded: the client's Idempotency-Key and a hash of what was asked
 * (command type, child, body). Stored in each of its events' metadata under `idempotency`, so
 * a retry is recognised from the event log itself, after any restart.
 */
export interface Idempotency {
  key: string;
  /** `hmac-sha256:<key id>:<64 hex>` (RequestHasher); 64 hex alone in events recorded before session 11. */
  requestHash: string;
  /**
   * The request's unkeyed hash, the form stored before session 11: worked out only when an outcome
   * stored in that form is compared with this request, so a retry across the change is recognised.
   */
  legacyRequestHash?: () => string;
}

export const IDEMPOTENCY_METADATA_KEY = 'idempotency';

/** Our namespace for name-based ids of keyed commands (a fixed random uuid of its own). */
const KEYED_COMMAND_NAMESPACE = 'c1d2a7e0-3b4f-4e8a-9d61-5a0f2b7c4e93';

/** What the client asked for, canonical: the command type, the child and the validated body (key order ignored). */
function canonicalRequest(type: string, childId: string, body: object): string {
  // Through JSON first: validated DTOs are class instances, possibly holding Dates.
  const plain: unknown = JSON.parse(JSON.stringify(body));
  return canonicalJson({ type, childId, body: plain });
}

/**
 * The unkeyed SHA-256 of the request, as stored before session 11. Not written any more: anyone
 * holding the rest of a record could confirm a guessed name against it offline. Kept to recognise
 * a retry of a command recorded in that form.
 */
export function legacyRequestHash(type: string, childId: string, body: object): string {
  return createHash('sha256')
    .update(canonicalRequest(type, childId, body))
    .digest('hex');
}

const KEYED_HASH = /^hmac-sha256:([0-9a-f]{8}):[0-9a-f]{64}$/;

/**
 * Request hashes keyed with a server secret (HMAC-SHA256), so a stored hash is no dictionary
 * oracle for whoever reads the events or a backup without the secret. The HMAC key is derived from
 * the token secret (CARE_JOURNEY_JWT_SECRET) for this one use; its key id (8 hex of the key's own
 * SHA-256, which tells nothing of it) is stored with each hash, so a retry after the secret changed
 * is told apart from another request.
 */
export class RequestHasher {
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('care-journey request hash v1').digest();
    this.keyId = createHash('sha256').update(this.key).digest('hex').slice(0, 8);
  }

  hash(type: string, childId: string, body: object): string {
    const mac = createHmac('sha256', this.key)
      .update(canonicalRequest(type, childId, body))
      .digest('hex');
    return `hmac-sha256:${this.keyId}:${mac}`;
  }
}

/** How a stored outcome's hash compares with a retry's: the same request, another one, or not comparable. */
export type RequestMatch = 'same' | 'different' | 'other-key';

/**
 * Compares the hash stored with a keyed outcome with the request sent again under its key. A hash
 * of the old unkeyed form is compared with the request's unkeyed hash (a retry across the change
 * is recognised); one made under another secret cannot be compared ('other-key': refused as such).
 */
export function matchRequest(stored: string, idempotency: Idempotency | undefined): RequestMatch {
  if (!idempotency) return 'different';
  if (stored === idempotency.requestHash) return 'same';
  const keyed = KEYED_HASH.exec(stored);
  if (!keyed) return idempotency.legacyRequestHash?.() === stored ? 'same' : 'different';
  const mine = KEYED_HASH.exec(idempotency.requestHash);
  return mine && mine[1] !== keyed[1] ? 'other-key' : 'different';
}

/**
 * The id of the index-th event of a keyed command: the same user, key and request give the same
 * ids, so the store itself treats a concurrent duplicate append as a retry of the first. The
 * request hash is part of the name, so a different request under the same key never matches.
 */
export const idempotentEventId = (recordedBy: string, idempotency: Idempotency, index: number): string =>
  nameBasedUuid(
    `event\n${recordedBy}\n${idempotency.key}\n${idempotency.requestHash}\n${index}`,
    KEYED_COMMAND_NAMESPACE,
  );

/**
 * The id of a keyed command, its events' causation id: the same user, key and request name the
 * same command, so a retry that finishes what a first attempt began (a crash between a reservation
 * and the registration) writes events that name the command the first attempt's did.
 */
export const idempotentCommandId = (recordedBy: string, key: string, requestHash: string): string =>
  nameBasedUuid(`command\n${recordedBy}\n${key}\n${requestHash}`, KEYED_COMMAND_NAMESPACE);

/** The child id a keyed registration without one gets: a retry registers the same child. */
export const idempotentChildId = (userId: string, key: string): string =>
  nameBasedUuid(`child\n${userId}\n${key}`, KEYED_COMMAND_NAMESPACE);

/** The keyed command an event belongs to, from its metadata (undefined for an unkeyed one). */
export function readIdempotency(metadata: Record<string, unknown>): Idempotency | undefined {
  const value = metadata[IDEMPOTENCY_METADATA_KEY];
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, requestHash: hash } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof hash === 'string' ? { key, requestHash: hash } : undefined;
}
