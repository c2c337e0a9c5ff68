import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { INTEGRITY_KEY } from './integrity-stamp';

/** What of an event the chain covers: everything but the store-assigned global position and the stamp itself. */
export interface HashableEvent {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

const NAMED_METADATA = [
  'recordedAt',
  'recordedBy',
  'correlationId',
  'causationId',
  'schemaVersion',
  INTEGRITY_KEY,
];

/**
 * The exact object whose canonical JSON is hashed (version 1). Optional fields absent from the
 * event appear as null so that "absent" has one spelling. `effectiveDate` is lifted out of the
 * data (it is also inside `data`) so the preimage states the two time axes side by side.
 * Metadata keys other than the named ones (and the stamp) are covered under `otherMetadata`,
 * so nothing stored with the event escapes the chain.
 */
export function hashPreimage(prevHash: string, event: HashableEvent): Record<string, unknown> {
  const { metadata, data } = event;
  const otherMetadata: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata)) {
    if (!NAMED_METADATA.includes(key)) otherMetadata[key] = value;
  }
  return {
    v: 1,
    prev: prevHash,
    id: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    data,
    effectiveDate: data['effectiveDate'] ?? null,
    recordedAt: metadata['recordedAt'] ?? null,
    recordedBy: metadata['recordedBy'] ?? null,
    correlationId: metadata['correlationId'] ?? null,
    causationId: metadata['causationId'] ?? null,
    schemaVersion: metadata['schemaVersion'] ?? null,
    otherMetadata,
  };
}

/** sha256 (lowercase hex) of the UTF-8 canonical JSON of the preimage. */
export function hashEvent(prevHash: string, event: HashableEvent): string {
  return createHash('sha256')
    .update(canonicalJson(hashPreimage(prevHash, event)), 'utf8')
    .digest('hex');
}
