import type { AuditKey } from '../bundle/audit-key';
import { SIGNATURE_ALG } from '../bundle/bundle-format';
import { hmacMatches, hmacSign, signingPayload } from '../bundle/bundle-signature';
import type { HeadAnchor } from './anchor-format';

export type AnchorSignatureStatus = 'valid' | 'invalid' | 'wrong-key' | 'unsupported' | 'unsigned';

/** Signs as a bundle is signed: HMAC-SHA256 over the canonical JSON with only `signature.value` left out. */
export function signAnchor(anchor: HeadAnchor, key: AuditKey): HeadAnchor {
  const { signature: _old, ...unsigned } = anchor;
  const signature = { alg: SIGNATURE_ALG, keyId: key.keyId };
  const value = hmacSign(signingPayload({ ...unsigned, signature }), key);
  return { ...unsigned, signature: { ...signature, value } };
}

export function anchorSignatureStatus(anchor: HeadAnchor, key: AuditKey | undefined): AnchorSignatureStatus {
  const signature = anchor.signature;
  if (!signature) return 'unsigned';
  if (signature.alg !== SIGNATURE_ALG) return 'unsupported';
  if (!key || signature.keyId !== key.keyId) return 'wrong-key';
  return hmacMatches(signingPayload({ ...anchor }), key, signature.value) ? 'valid' : 'invalid';
}
