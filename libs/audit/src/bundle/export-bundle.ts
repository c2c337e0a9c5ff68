import { GENESIS_HASH } from '../integrity/integrity-stamp';
import { toJsonSafe, type RecordedEvent } from '../store';
import type { AuditKey } from './audit-key';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  SIGNATURE_ALG,
  type AuditBundle,
  type BundleEvent,
} from './bundle-format';
import { hmacSign, signingPayload } from './bundle-signature';

export interface ExportBundleInput {
  childId: string;
  streamId: string;
  /** The whole stream, revision 0 first, exactly as stored. */
  events: readonly RecordedEvent[];
  exportedAt: string;
  exportedBy: string;
  key: AuditKey;
}

/**
 * Builds and signs a bundle. The chain is copied as stored, not recomputed: a stream that was
 * already tampered with exports faithfully and fails verification at the same event.
 */
export function exportBundle(input: ExportBundleInput): AuditBundle {
  const events = input.events.map((event) => toJsonSafe(event) as BundleEvent);
  const last = events[events.length - 1];
  const head = last
    ? String((last.metadata['integrity'] as { hash?: unknown } | undefined)?.hash ?? '')
    : GENESIS_HASH;
  const unsigned = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    childId: input.childId,
    streamId: input.streamId,
    exportedAt: input.exportedAt,
    exportedBy: input.exportedBy,
    events,
    chain: { alg: 'sha256' as const, genesis: GENESIS_HASH, head, length: events.length },
    signature: { alg: SIGNATURE_ALG, keyId: input.key.keyId, value: '' },
  } satisfies AuditBundle;
  return {
    ...unsigned,
    signature: { ...unsigned.signature, value: hmacSign(signingPayload(unsigned), input.key) },
  };
}
