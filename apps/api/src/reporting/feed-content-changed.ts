import { ConflictException, HttpStatus } from '@nestjs/common';

/** A feed content id as feed/feed-content.ts makes it (or `unknown`, for a generation made before ids). */
export const FEED_CONTENT_PATTERN = /^(v\d{1,9}-[0-9a-f]{16}|unknown)$/;

/**
 * The served change log was written with other content than the caller's checkpoint belongs to
 * (review s14 F2): another fold version or other drift thresholds, then a rebuild. Its lines differ
 * from what the job applied, and a "<position>.<index>" checkpoint may name another line: carrying
 * on would keep stale facts, so the job is told to drop them and re-read from 0.
 */
export class FeedContentChanged extends ConflictException {
  constructor(theirs: string, served: string) {
    super({
      statusCode: HttpStatus.CONFLICT,
      error: 'Conflict',
      message:
        `content ${theirs} is not the served feed's content (${served}): the feed was rebuilt with another fold ` +
        'version or other drift thresholds, so the facts applied from it are stale. Drop them and re-read from 0 ' +
        `(omit after), keeping content ${served}. See docs/reporting.md, "Feed content"`,
      rule: 'feed-content-changed',
      field: 'content',
    });
    this.name = 'FeedContentChanged';
  }
}
