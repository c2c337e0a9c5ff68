import type { AuditKey } from '../bundle/audit-key';
import type { EventStore } from '../store';
import type { HeadAnchor } from './anchor-format';
import { AnchorObservation, type AnchorCheck } from './anchor-check';
import { anchorSignatureStatus } from './anchor-signature';

/**
 * Reads the whole log through the port (either adapter) and compares it with `anchor`
 * (`AnchorObservation`). Without a key a signed anchor's signature is 'not-checked'.
 * Does not verify the chains themselves: callers do both (`care-journey audit verify-store --anchor`).
 */
export async function checkHeadAnchor(
  store: EventStore,
  anchor: HeadAnchor,
  key?: AuditKey,
): Promise<AnchorCheck> {
  const observation = new AnchorObservation(anchor);
  for await (const event of store.readAll()) observation.add(event);
  const signature = anchor.signature && !key ? 'not-checked' : anchorSignatureStatus(anchor, key);
  return observation.check(signature);
}
