/**
 * Name-based UUIDs (RFC 4122 version 5 layout: SHA-1 of a namespace and a name). The same child and
 * ordinal always give the same id, so seeding or importing twice is an idempotent retry.
 */
import { hash } from 'node:crypto';

/** Our own namespace (a fixed random uuid), so our ids never collide with another system's v5 ids. */
export const CARE_JOURNEY_NAMESPACE = '6f1d3c2e-5b7a-4c1e-9f0a-2d4e8b7c6a91';

const uuidBytes = (uuid: string): Buffer => Buffer.from(uuid.replace(/-/g, ''), 'hex');
/** The default namespace's bytes, worked out once (the seeder and the import name every event). */
const OUR_NAMESPACE_BYTES = uuidBytes(CARE_JOURNEY_NAMESPACE);
const VARIANT_NIBBLE = '89ab';

export function nameBasedUuid(name: string, namespace: string = CARE_JOURNEY_NAMESPACE): string {
  const ns = namespace === CARE_JOURNEY_NAMESPACE ? OUR_NAMESPACE_BYTES : uuidBytes(namespace);
  // One-shot sha1 of namespace + UTF-8 name: the same digest as a Hash object fed both.
  const hex = hash('sha1', Buffer.concat([ns, Buffer.from(name, 'utf8')]), 'hex');
  // Byte 6's high nibble becomes 5 (version 5); byte 8's top bits become 10 (RFC 4122 variant).
  const variant = VARIANT_NIBBLE[parseInt(hex[16], 16) & 0x3];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
