/**
 * The hash-chain link each event carries in `metadata.integrity`.
 * `prev` is the previous event's `hash` in the same stream (GENESIS_HASH for revision 0).
 */
export interface IntegrityStamp {
  v: 1;
  alg: 'sha256';
  prev: string;
  hash: string;
}

export const INTEGRITY_KEY = 'integrity';
export const GENESIS_HASH = '0'.repeat(64);

const HEX64 = /^[0-9a-f]{64}$/;

/** Reads a stamp from metadata, or says in words why there is no usable one. */
export function readStamp(metadata: Record<string, unknown>): IntegrityStamp | { problem: string } {
  const stamp = metadata[INTEGRITY_KEY];
  if (stamp === undefined) return { problem: 'no integrity stamp in metadata' };
  if (stamp === null || typeof stamp !== 'object' || Array.isArray(stamp)) {
    return { problem: 'metadata.integrity is not an object' };
  }
  const { v, alg, prev, hash } = stamp as Record<string, unknown>;
  if (v !== 1) return { problem: `metadata.integrity.v is ${JSON.stringify(v)}; only version 1 is known` };
  if (alg !== 'sha256')
    return { problem: `metadata.integrity.alg is ${JSON.stringify(alg)}; only sha256 is known` };
  if (typeof prev !== 'string' || !HEX64.test(prev))
    return { problem: 'metadata.integrity.prev is not 64 lowercase hex digits' };
  if (typeof hash !== 'string' || !HEX64.test(hash))
    return { problem: 'metadata.integrity.hash is not 64 lowercase hex digits' };
  return { v, alg, prev, hash };
}
