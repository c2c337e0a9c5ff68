import { createHash } from 'node:crypto';

/**
 * A keyed command as it is recorded: the client's Idempotency-Key and a hash of what was asked
 * (command type, child, body). Stored in each of its events' metadata under `idempotency`, so
 * a retry is recognised from the event log itself, after any restart.
 */
export interface Idempotency {
  key: string;
  requestHash: string;
}

export const IDEMPOTENCY_METADATA_KEY = 'idempotency';

/** Our namespace for name-based ids of keyed commands (a fixed random uuid of its own). */
const NAMESPACE = Buffer.from('c1d2a7e0-3b4f-4e8a-9d61-5a0f2b7c4e93'.replace(/-/g, ''), 'hex');

/** RFC 4122 version-5 layout (SHA-1 of namespace and name): a valid uuid, the same for the same name. */
function nameBasedUuid(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSON with object keys sorted and undefined members left out: equal requests, equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What the client asked for: the command type, the child and the validated body (key order ignored). */
export function requestHash(type: string, childId: string, body: object): string {
  // Through JSON first: validated DTOs are class instances, possibly holding Dates.
  const plain: unknown = JSON.parse(JSON.stringify(body));
  return createHash('sha256')
    .update(canonical({ type, childId, body: plain }))
    .digest('hex');
}

/**
 * The id of the index-th event of a keyed command: the same user, key and request give the same
 * ids, so the store itself treats a concurrent duplicate append as a retry of the first. The
 * request hash is part of the name, so a different request under the same key never matches.
 */
export const idempotentEventId = (recordedBy: string, idempotency: Idempotency, index: number): string =>
  nameBasedUuid(`event\n${recordedBy}\n${idempotency.key}\n${idempotency.requestHash}\n${index}`);

/** The child id a keyed registration without one gets: a retry registers the same child. */
export const idempotentChildId = (userId: string, key: string): string =>
  nameBasedUuid(`child\n${userId}\n${key}`);

/** The keyed command an event belongs to, from its metadata (undefined for an unkeyed one). */
export function readIdempotency(metadata: Record<string, unknown>): Idempotency | undefined {
  const value = metadata[IDEMPOTENCY_METADATA_KEY];
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, requestHash: hash } = value as Record<string, unknown>;
  return typeof key === 'string' && typeof hash === 'string' ? { key, requestHash: hash } : undefined;
}
