import { createHash } from 'node:crypto';
import { canonicalJson } from '../integrity/canonical-json';
import type { StreamTip } from './anchor-format';

// Domain separation: this digest can never be mistaken for an event hash or a bundle's.
const DIGEST_PREFIX = 'care-journey/head-anchor-tips/v1\n';

/** Stream ids in JavaScript's default order (UTF-16 code units), as canonical JSON sorts keys. */
export const byStreamId = (a: StreamTip, b: StreamTip): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * sha256 (hex) over each tip's canonical JSON, one a line, in ascending streamId order. JSON
 * escaping keeps the lines unambiguous whatever a stream id holds. Streamed into the hash so
 * 100k streams never become one string.
 */
export function tipsDigest(sortedTips: readonly StreamTip[]): string {
  const hash = createHash('sha256').update(DIGEST_PREFIX, 'utf8');
  for (const tip of sortedTips) hash.update(`${canonicalJson(tip)}\n`, 'utf8');
  return hash.digest('hex');
}
