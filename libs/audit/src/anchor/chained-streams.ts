import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';
import { ACCESS_LOG_STREAM_PREFIX } from '../access-log/case-history-read';
import { TOKENS_ISSUED_STREAM } from '../token-issue/token-issued';

/**
 * The streams written hash-chained: a child's journey, each day of the read-access trail and the
 * tokens issued (since session 16: no earlier anchor can hold that stream, so none is upset by it).
 */
export const CHAINED_STREAM_PREFIXES: readonly string[] = [
  JOURNEY_STREAM_PREFIX,
  ACCESS_LOG_STREAM_PREFIX,
  TOKENS_ISSUED_STREAM,
];

export const isChainedStream = (streamId: string): boolean =>
  CHAINED_STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));
