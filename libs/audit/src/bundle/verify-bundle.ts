import { journeyStream } from '@care-journey/journey';
import { GENESIS_HASH } from '../integrity/integrity-stamp';
import { verifyChain } from '../integrity/verify-chain';
import type { AuditKey } from './audit-key';
import { SIGNATURE_ALG } from './bundle-format';
import { hmacMatches, signingPayload } from './bundle-signature';
import { readBundle } from './read-bundle';

export type SignatureStatus = 'valid' | 'invalid' | 'wrong-key' | 'unsupported' | 'not-checked';

export interface BundleVerification {
  ok: boolean;
  childId?: string;
  eventsChecked: number;
  /** The first event whose chain link does not hold (revision as a decimal string). */
  firstBroken?: { revision: string; eventId: string; reason: string };
  signature: SignatureStatus;
  /** Every problem found, in words; empty when ok. */
  problems: string[];
}

/**
 * Verifies a parsed bundle offline: its shape, every event's chain link (naming the first
 * broken event), the chain summary, then the signature over everything. The signature catches
 * edits the chain cannot see (exportedAt, exportedBy, global positions, extra keys).
 */
export function verifyBundle(bundle: unknown, key: AuditKey): BundleVerification {
  const read = readBundle(bundle);
  if ('problem' in read)
    return { ok: false, eventsChecked: 0, signature: 'not-checked', problems: [read.problem] };
  const record = bundle as Record<string, unknown>;
  const problems: string[] = [];

  if (read.events.some((event) => event.streamId !== read.streamId))
    problems.push(`an event's streamId differs from the bundle's ${read.streamId}`);
  if (read.streamId !== journeyStream(read.childId))
    problems.push(`streamId ${read.streamId} is not the journey stream of child ${read.childId}`);

  const chain = verifyChain(read.events);
  const firstBroken = chain.firstBroken && {
    ...chain.firstBroken,
    revision: chain.firstBroken.revision.toString(10),
  };
  if (firstBroken)
    problems.push(
      `chain broken at revision ${firstBroken.revision} (event ${firstBroken.eventId}): ${firstBroken.reason}`,
    );
  problems.push(...summaryProblems(record['chain'], chain.ok ? chain.head : undefined, read.events.length));

  const signature = signatureStatus(record, key);
  if (signature !== 'valid') problems.push(signatureProblem(signature, record, key));

  return {
    ok: problems.length === 0,
    childId: read.childId,
    eventsChecked: chain.checked,
    firstBroken,
    signature,
    problems,
  };
}

function summaryProblems(summary: unknown, head: string | undefined, length: number): string[] {
  if (summary === null || typeof summary !== 'object') return ['chain summary is missing'];
  const s = summary as Record<string, unknown>;
  const out: string[] = [];
  if (s['alg'] !== 'sha256') out.push('chain.alg must be "sha256"');
  if (s['genesis'] !== GENESIS_HASH) out.push('chain.genesis is not the genesis hash');
  if (s['length'] !== length)
    out.push(`chain.length says ${String(s['length'])} but the bundle holds ${length} events`);
  if (head !== undefined && s['head'] !== head) out.push('chain.head is not the hash of the last event');
  return out;
}

function signatureStatus(bundle: Record<string, unknown>, key: AuditKey): SignatureStatus {
  const signature = bundle['signature'];
  if (signature === null || typeof signature !== 'object') return 'invalid';
  const { alg, keyId, value } = signature as Record<string, unknown>;
  if (alg !== SIGNATURE_ALG) return 'unsupported';
  if (keyId !== key.keyId) return 'wrong-key';
  return hmacMatches(signingPayload(bundle), key, value) ? 'valid' : 'invalid';
}

function signatureProblem(status: SignatureStatus, bundle: Record<string, unknown>, key: AuditKey): string {
  const signature = (bundle['signature'] ?? {}) as Record<string, unknown>;
  if (status === 'unsupported')
    return `signature.alg ${JSON.stringify(signature['alg'])} is not ${SIGNATURE_ALG}`;
  if (status === 'wrong-key')
    return `signed with key ${JSON.stringify(signature['keyId'])}, but the key supplied is ${key.keyId}`;
  return 'signature does not match the bundle: it was edited after signing or signed with another key';
}
