/**
 * A head anchor: a small record of the event log as it stood at one moment, kept off the box
 * (sent to the auditor, printed on a report). A hash chain links each event to the one before,
 * so events cut off a stream's end, or off the end of the log, leave a chain that still
 * verifies; compared with an anchor taken earlier, they show. Bigints cross JSON as decimal
 * strings, as everywhere.
 */
export const ANCHOR_FORMAT = 'care-journey/head-anchor';
/**
 * 2 since session 19: the chained streams include the registries' (chained-streams.ts). A version 1
 * anchor, taken before, is still read and checked against the streams it covered.
 */
export const ANCHOR_VERSION = 2;
export const ANCHOR_VERSIONS: readonly number[] = [1, ANCHOR_VERSION];

/**
 * One chained stream's tip at the anchor: [streamId, last revision, that event's chain hash].
 * The hash is null when that event carries no usable stamp (its chain is already broken).
 * A triple rather than an object: at 100k children the tips are most of the file.
 */
export type StreamTip = [streamId: string, revision: string, hash: string | null];

// A type alias, not an interface, so it is assignable to Record<string, unknown> (signing, JSON).
export type HeadAnchor = {
  format: typeof ANCHOR_FORMAT;
  version: 1 | typeof ANCHOR_VERSION;
  /** ISO-8601 UTC instant the anchor was taken. */
  takenAt: string;
  takenBy: string;
  /** Global position of the last event in the log; null when the log was empty. */
  position: string | null;
  /** Events in the whole log at or before `position` (every stream, chained or not). */
  events: number;
  /** Chained streams (journeys, trail days, tokens issued; from version 2 the registries) with events at or before `position`. */
  streams: number;
  /** `tipsDigest` of every chained stream's tip, whether or not `tips` are included. */
  digest: { alg: 'sha256'; value: string };
  /** Every chained stream's tip, in ascending streamId order; present when asked for. */
  tips?: StreamTip[];
  /** HMAC-SHA256 with the audit key over the canonical JSON of the anchor with `signature.value` left out. */
  signature?: { alg: string; keyId: string; value: string };
};
