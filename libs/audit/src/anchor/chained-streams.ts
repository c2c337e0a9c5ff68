import { CHILD_REF_STREAM_PREFIX, JOURNEY_STREAM_PREFIX } from '@care-journey/journey';
import { ACCESS_LOG_STREAM_PREFIX } from '../access-log/case-history-read';
import { TOKENS_ISSUED_STREAM } from '../token-issue/token-issued';

/**
 * The streams written hash-chained from their first event: a child's journey, each day of the
 * read-access trail and the tokens issued (since session 16: no earlier anchor can hold that
 * stream, so none is upset by it).
 */
export const CHAINED_STREAM_PREFIXES: readonly string[] = [
  JOURNEY_STREAM_PREFIX,
  ACCESS_LOG_STREAM_PREFIX,
  TOKENS_ISSUED_STREAM,
];

/**
 * The registries' streams (libs/registrations: a 903 reference's `child-ref-<REF>`, a UPN's
 * `upn-<hash>`), chained since session 19 (review s18-es F4). A stream written before keeps its
 * first events unstamped (verifyChain's `unchainedPrefix`); every event after them is chained.
 * 'upn-' is the UPN registry's prefix (libs/registrations pins the two together in a spec: it
 * imports this library, so this one cannot import it back).
 */
export const REGISTRY_STREAM_PREFIXES: readonly string[] = [CHILD_REF_STREAM_PREFIX, 'upn-'];

export const isRegistryStream = (streamId: string): boolean =>
  REGISTRY_STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));

/** Chained from the first event: journeys, trail days, tokens issued (what a version 1 anchor covers). */
export const isChainedFromStart = (streamId: string): boolean =>
  CHAINED_STREAM_PREFIXES.some((prefix) => streamId.startsWith(prefix));

/** Every chained stream: those chained from the start and the registries. */
export const isChainedStream = (streamId: string): boolean =>
  isChainedFromStart(streamId) || isRegistryStream(streamId);

/**
 * The streams an anchor of `version` covers (its count, digest and tips): version 1 anchors were
 * taken before the registries were chained, so they are checked as they were taken.
 */
export const streamsAnchoredBy = (version: number): ((streamId: string) => boolean) =>
  version === 1 ? isChainedFromStart : isChainedStream;
