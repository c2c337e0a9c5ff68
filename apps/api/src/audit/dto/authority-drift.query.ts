import { DriftFilterQuery } from '../../projections/dto/drift-report.query';
import { DateQuery, KnownAtQuery, ReasonQuery } from './query-fields';

/** The authority drift report as known at an instant: the live report's filters, plus knownAt and a reason. */
export class AuthorityDriftQuery extends DriftFilterQuery {
  @DateQuery('The date the report stands on (default: today in England)')
  asAt?: string;

  @KnownAtQuery(
    "Instant on the record's clock: only events recorded at or before it count (default: the end of asAt in England). A bare date YYYY-MM-DD means the end of that day in England.",
  )
  knownAt?: string;

  @ReasonQuery()
  reason?: string;
}
