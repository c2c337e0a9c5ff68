import { ReadReasonQuery } from './history.query';
import { DateQuery, KnownAtQuery, TextQuery } from './query-fields';

/**
 * The two sides of a diff, each either as one parameter (`from=asAt:2025-03-31`,
 * `to=knownAt:2025-04-01T00:00:00Z`, or both axes joined by a comma) or as separate
 * parameters (`fromAsAt`, `fromKnownAt`, `toAsAt`, `toKnownAt`). Not both forms for one side.
 */
export class DiffQuery extends ReadReasonQuery {
  @TextQuery(
    'Earlier side: asAt:YYYY-MM-DD, knownAt:<instant>, or both joined by a comma',
    'knownAt:2025-03-01T00:00:00Z',
  )
  from?: string;

  @TextQuery('Later side, written like `from`', 'knownAt:2025-04-01T00:00:00Z')
  to?: string;

  @DateQuery('Earlier side, effective-date axis (instead of `from`)')
  fromAsAt?: string;

  @KnownAtQuery(
    'Earlier side, recording axis (instead of `from`): an instant, or a date (the end of that day in England)',
  )
  fromKnownAt?: string;

  @DateQuery('Later side, effective-date axis (instead of `to`)')
  toAsAt?: string;

  @KnownAtQuery(
    'Later side, recording axis (instead of `to`): an instant, or a date (the end of that day in England)',
  )
  toKnownAt?: string;
}
