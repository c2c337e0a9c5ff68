/**
 * A self-contained case-history bundle: one child's whole journey stream with its hash chain,
 * signed so that an auditor can verify it offline, without the database.
 * Bigints (revision, globalPosition) are decimal strings, as everywhere JSON is crossed.
 */
export const BUNDLE_FORMAT = 'care-journey/audit-bundle';
export const BUNDLE_VERSION = 1;
export const SIGNATURE_ALG = 'HMAC-SHA256';

export interface BundleEvent {
  id: string;
  streamId: string;
  revision: string;
  globalPosition: string;
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface AuditBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  childId: string;
  streamId: string;
  exportedAt: string;
  exportedBy: string;
  events: BundleEvent[];
  /** The chain as the exporter saw it: `head` is the last event's hash, GENESIS_HASH when empty. */
  chain: { alg: 'sha256'; genesis: string; head: string; length: number };
  /** Over the canonical JSON of the whole bundle with `signature.value` left out (alg and keyId are signed too). */
  signature: { alg: typeof SIGNATURE_ALG; keyId: string; value: string };
}
