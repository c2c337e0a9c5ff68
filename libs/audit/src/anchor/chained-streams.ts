import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';
import { ACCESS_LOG_STREAM_PREFIX } from '../access-log/case-history-read';

/** The streams written hash-chained: a child's journey and each day of the read-access trail. */
export const CHAINED_STREAM_PREFIXES: readonly string[] = [JOURNEY_STREAM_PREFIX, ACCESS_LOG_STREAM_PREFIX];

export const isChainedStream = (streamId: string): boolean =>
  CHAINED_STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));
