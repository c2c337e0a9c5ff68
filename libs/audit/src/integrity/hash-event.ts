import { hash } from 'node:crypto';
import { canonicalJson, NOT_COPYABLE, sortedCopy } from './canonical-json';
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
  return hash('sha256', preimageJson(prevHash, event) ?? canonicalJson(hashPreimage(prevHash, event)), 'hex');
}

const isNamed = (key: string): boolean =>
  key === 'recordedAt' ||
  key === 'recordedBy' ||
  key === 'correlationId' ||
  key === 'causationId' ||
  key === 'schemaVersion' ||
  key === INTEGRITY_KEY;

/** A field that may be absent (undefined: JSON.stringify leaves the key out, as canonicalJson does). */
const copyOrAbsent = (value: unknown): unknown => (value === undefined ? undefined : sortedCopy(value));

/**
 * `canonicalJson(hashPreimage(prevHash, event))`: the preimage built with its keys already in
 * canonical order and its values as sorted copies, then one native JSON.stringify (the hash of
 * every append and of every verified event). Undefined when a value cannot be copied, so the
 * caller goes through `canonicalJson` and its precise error (or its writer for odd keys).
 */
function preimageJson(prevHash: string, event: HashableEvent): string | undefined {
  const { metadata, data } = event;
  let other: Record<string, unknown> | undefined;
  for (const key of Object.keys(metadata)) {
    if (isNamed(key)) continue;
    other ??= {};
    other[key] = metadata[key];
  }
  try {
    return JSON.stringify({
      causationId: sortedCopy(metadata['causationId'] ?? null),
      correlationId: sortedCopy(metadata['correlationId'] ?? null),
      data: sortedCopy(data),
      effectiveDate: sortedCopy(data['effectiveDate'] ?? null),
      id: copyOrAbsent(event.id),
      otherMetadata: other === undefined ? {} : sortedCopy(other),
      prev: copyOrAbsent(prevHash),
      recordedAt: sortedCopy(metadata['recordedAt'] ?? null),
      recordedBy: sortedCopy(metadata['recordedBy'] ?? null),
      revision: copyOrAbsent(event.revision),
      schemaVersion: sortedCopy(metadata['schemaVersion'] ?? null),
      streamId: copyOrAbsent(event.streamId),
      type: copyOrAbsent(event.type),
      v: 1,
    });
  } catch (error) {
    if (error !== NOT_COPYABLE) throw error;
    return undefined;
  }
}
