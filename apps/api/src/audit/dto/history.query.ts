import { DateQuery, InstantQuery, ReasonQuery } from './query-fields';

/** Only a reason: chronology, verify and bundle take no other parameter. */
export class ReadReasonQuery {
  @ReasonQuery()
  reason?: string;
}

export class HistoryQuery extends ReadReasonQuery {
  @DateQuery("Date in the child's life: entries effective on or before it (default: every date)")
  asAt?: string;

  @InstantQuery(
    "Instant on the record's clock: entries recorded at or before it (default: everything recorded); corrections recorded later do not apply",
  )
  knownAt?: string;
}
