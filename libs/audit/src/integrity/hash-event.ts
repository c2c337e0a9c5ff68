import { hash } from 'node:crypto';
import { canonicalJson, canonicalJsonOrUndefined } from './canonical-json';
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

/** `"key":value` of one field of the preimage, or '' where canonicalJson leaves the key out (undefined). */
function field(quotedKey: string, value: unknown): string | undefined {
  if (value === undefined) return '';
  const json = canonicalJsonOrUndefined(value);
  return json === undefined ? undefined : `${quotedKey}:${json}`;
}

/**
 * `canonicalJson(hashPreimage(prevHash, event))` written straight from the event, keys in their
 * canonical order (the hash of every append: no preimage object, no key sort). Undefined when a
 * value cannot be written, so the caller goes through `canonicalJson` and its precise error.
 */
function preimageJson(prevHash: string, event: HashableEvent): string | undefined {
  const { metadata, data } = event;
  let other: Record<string, unknown> | undefined;
  for (const key of Object.keys(metadata)) {
    if (isNamed(key)) continue;
    other ??= {};
    other[key] = metadata[key];
  }
  const parts = [
    field('"causationId"', metadata['causationId'] ?? null),
    field('"correlationId"', metadata['correlationId'] ?? null),
    field('"data"', data),
    field('"effectiveDate"', data['effectiveDate'] ?? null),
    field('"id"', event.id),
    other === undefined ? '"otherMetadata":{}' : field('"otherMetadata"', other),
    field('"prev"', prevHash),
    field('"recordedAt"', metadata['recordedAt'] ?? null),
    field('"recordedBy"', metadata['recordedBy'] ?? null),
    field('"revision"', event.revision),
    field('"schemaVersion"', metadata['schemaVersion'] ?? null),
    field('"streamId"', event.streamId),
    field('"type"', event.type),
    '"v":1',
  ];
  let out = '';
  for (const part of parts) {
    if (part === undefined) return undefined;
    if (part === '') continue;
    out += out === '' ? part : `,${part}`;
  }
  return `{${out}}`;
}
