import { createHash } from 'node:crypto';
import { canonicalJson } from '@care-journey/audit';
import { nameBasedUuid } from '@care-journey/reporting';

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
const KEYED_COMMAND_NAMESPACE = 'c1d2a7e0-3b4f-4e8a-9d61-5a0f2b7c4e93';

/** What the client asked for: the command type, the child and the validated body (key order ignored). */
export function requestHash(type: string, childId: string, body: object): string {
  // Through JSON first: validated DTOs are class instances, possibly holding Dates.
  const plain: unknown = JSON.parse(JSON.stringify(body));
  return createHash('sha256')
    .update(canonicalJson({ type, childId, body: plain }))
    .digest('hex');
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
