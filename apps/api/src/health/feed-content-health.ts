import { UNKNOWN_FEED_CONTENT, type ReadModelStore } from '@care-journey/projections';

/**
 * What GET /health/projections says of the feed's content (session 15; review s14 F2): the content
 * id of the served read models (`v<FOLD_VERSION>-<thresholds digest>`, stamped by the process that
 * made them) against the one this process's configuration gives. When they differ, the read models
 * and the feed were made with other drift thresholds (or another fold version) than the configured
 * ones, and only a rebuild brings them in line: the probe names the cause and what to run, so an
 * operator sees what X-Feed-Content-Pending tells a feed consumer.
 */
export type FeedContentCause = 'thresholds' | 'fold-version' | 'unstamped';

export interface FeedContentHealth {
  /** The served generation's content id (`unknown`: made before ids were stamped). */
  served: string;
  /** The content id this process folds and rebuilds with (FOLD_VERSION, CARE_JOURNEY_DRIFT_THRESHOLDS). */
  configured: string;
  rebuildDue: boolean;
  cause?: FeedContentCause;
  message?: string;
}

/** Without a token: whether a rebuild is due and why; the ids need a token (any role), as positions do. */
export type AnonymousFeedContentHealth = Omit<FeedContentHealth, 'served' | 'configured'>;

const CONTENT_ID = /^v(\d+)-[0-9a-f]{16}$/;

const REBUILD = "a rebuild (POST /admin/rebuild, or 'care-journey rebuild' with the same settings)";

function causeOf(served: string, configured: string): FeedContentCause {
  const servedVersion = CONTENT_ID.exec(served)?.[1];
  if (servedVersion === undefined) return 'unstamped';
  return servedVersion === CONTENT_ID.exec(configured)?.[1] ? 'thresholds' : 'fold-version';
}

/** Said without the ids, so a caller without a token gets the same words (the ids need a token). */
const MESSAGES: Record<FeedContentCause, string> = {
  thresholds:
    'The served read models and /feed were made with other drift thresholds than CARE_JOURNEY_DRIFT_THRESHOLDS ' +
    'gives this process: events projected from now on are evaluated with the configured ones, the rest with the ' +
    `old. Run ${REBUILD}; the feed's content id then changes and its consumers re-read from 0 ` +
    '(docs/reporting.md, "Feed content").',
  'fold-version':
    "The served read models were folded by another fold version than this build's: the projecting process " +
    `rebuilds them at start (see "outdated"); if none does, run ${REBUILD}.`,
  unstamped:
    'The served read models were made before feed content ids were stamped (session 14): the thresholds they ' +
    `were made with are not known. Run ${REBUILD} to serve the configured content.`,
};

export function feedContentHealth(served: string, configured: string): FeedContentHealth {
  if (served === configured) return { served, configured, rebuildDue: false };
  const cause = causeOf(served, configured);
  return { served, configured, rebuildDue: true, cause, message: MESSAGES[cause] };
}

/** The served generation's content id against this process's, read from the read-model file. */
export function readFeedContentHealth(readModels: ReadModelStore): FeedContentHealth {
  // The served id comes with a change-log page, read in one snapshot with its generation; a page of
  // no lines reads the stamp only (the engine is the lead's this session: no accessor added there).
  const { content } = readModels.changesAfter(undefined, 0);
  return feedContentHealth(content ?? UNKNOWN_FEED_CONTENT, readModels.feedContent);
}

export function anonymousFeedContentHealth({
  served: _served,
  configured: _configured,
  ...rest
}: FeedContentHealth): AnonymousFeedContentHealth {
  return rest;
}
