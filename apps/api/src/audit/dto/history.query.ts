import { DateQuery, KnownAtQuery, ReasonQuery } from './query-fields';

/** Only a reason: chronology, verify and bundle take no other parameter. */
export class ReadReasonQuery {
  @ReasonQuery()
  reason?: string;
}

export class HistoryQuery extends ReadReasonQuery {
  @DateQuery("Date in the child's life: entries effective on or before it (default: every date)")
  asAt?: string;

  @KnownAtQuery(
    "Instant on the record's clock (or a date: the end of that day in England): entries recorded at or before it (default: everything recorded); corrections recorded later do not apply",
  )
  knownAt?: string;
}
