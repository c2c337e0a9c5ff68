/**
 * Feed checkpoints name a place in the event log, so they survive a rebuild: "<position>" = every
 * change of the events up to that global position; "<position>.<index>" = up to that change of
 * the event at that position (a page can end inside one event's changes).
 */
export interface FeedCheckpoint {
  position: bigint;
  /** Undefined = all of that position's changes. */
  index?: number;
}

const PATTERN = /^(\d{1,19})(?:\.(\d{1,9}))?$/;

export const FEED_CHECKPOINT_RULE =
  'a feed checkpoint: a global position, optionally followed by "." and a change index (e.g. 1200 or 1200.3)';

export function parseFeedCheckpoint(text: string): FeedCheckpoint {
  const match = PATTERN.exec(text);
  if (!match) throw new RangeError(`after must be ${FEED_CHECKPOINT_RULE}, got "${text}"`);
  return match[2] === undefined
    ? { position: BigInt(match[1]) }
    : { position: BigInt(match[1]), index: Number(match[2]) };
}

export const formatFeedCheckpoint = (checkpoint: FeedCheckpoint): string =>
  checkpoint.index === undefined
    ? checkpoint.position.toString()
    : `${checkpoint.position.toString()}.${checkpoint.index}`;

export const isFeedCheckpoint = (text: string): boolean => PATTERN.test(text);
