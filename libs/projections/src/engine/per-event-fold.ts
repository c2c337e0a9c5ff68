/**
 * A child's summary after each new event, for the change feed's before/after views. An event
 * that lands at the end of the child's life (not a correction, not dated before anything folded)
 * is folded into the summary in place; anything else refolds the whole stream, exactly as
 * summaryFromStream does, so both paths give the summary the read model stores. The fold owns the
 * summary it is given and each one it returns is only valid until the next call: the engine reads
 * it straight away (the child's view), and a copy per event was a third of the fold's time.
 *
 * The fold does not need the stream until a refold: a child picked up from the read model (or kept
 * from an earlier batch, `resume`) only knows how many events it has and the latest effective date,
 * and reads the stream through its loader (the event store, read ahead of the batch) when needed.
 */
import { isCorrection, type StoredJourneyEvent } from '@care-journey/journey';
import { applyEvent } from '../summary/apply-event';
import { summaryFromStream } from '../summary/build-summary';
import { latestDateIn } from '../summary/summary-as-at';
import { facetsBetween } from '../summary/facets-between';
import type { JourneySummary } from '../summary/journey-summary';
import { countsOnly, facetsChangedBy, type FacetChange } from '../summary/summary-facets';

/** What `next` needs to know of the stream folded so far, without the stream. */
export interface FoldPoint {
  count: number;
  /** Latest effective date in the stream, registrations aside (they always fold first); '' if none. */
  latest: string;
}

/**
 * Whether `event` folds in place after `point` (else the whole stream is folded again): dated on
 * or after everything folded, or one that only counts (a recorded outcome, 903 OC2/OC3), which a
 * refold would put earlier in the child's life to the same effect. Back-dated outcomes were ~40%
 * of a 10-year cohort's refolds, each a fold of the whole stream and every rule derived again.
 */
export const appendsAtEnd = (point: FoldPoint, event: StoredJourneyEvent): boolean =>
  !isCorrection(event) &&
  (event.type !== 'ChildRegistered' || point.count === 0) &&
  (event.data.effectiveDate >= point.latest || countsOnly(event.type));

/** `point` after `event` (in place). */
export function advance(point: FoldPoint, event: StoredJourneyEvent): void {
  point.count += 1;
  // An amendment's effectiveDate is the corrected entry's (possibly new) date: counted too.
  if (event.type !== 'ChildRegistered' && event.data.effectiveDate > point.latest)
    point.latest = event.data.effectiveDate;
}

export class PerEventFold {
  /** The whole stream, once known (given, or read through the loader for a refold). */
  private stream: StoredJourneyEvent[] | undefined;
  /** Events given since the loader's stream ends, while the stream is not loaded. */
  private tail: StoredJourneyEvent[] = [];
  private load: (() => readonly StoredJourneyEvent[]) | undefined;
  private readonly point: FoldPoint = { count: 0, latest: '' };
  /** See `latestDate`; undefined until asked (then worked out from the summary once). */
  private latestKnown: string | undefined;
  /**
   * What the last `next` may have changed in the summary: after a refold (a new summary object),
   * the parts in which it differs from the one before (facetsBetween).
   */
  changed: FacetChange = 'all';
  /**
   * A date before which nothing changed in the summary (the summary as at an earlier date is the
   * same): an entry's effective date, folded in place or back-dated; for a correction the earliest
   * date of the entries it touches (earliestChange). Undefined when anything may have changed.
   */
  changedFrom: string | undefined;

  constructor(
    private readonly childId: string,
    stream: readonly StoredJourneyEvent[],
    private current: JourneySummary,
  ) {
    this.stream = [...stream];
    for (const event of stream) advance(this.point, event);
  }

  /**
   * A child whose stream is not in memory: `point` describes it, `load` reads exactly those
   * `point.count` events back if a refold needs them.
   */
  static resumed(
    childId: string,
    current: JourneySummary,
    point: FoldPoint,
    load: () => readonly StoredJourneyEvent[],
  ): PerEventFold {
    const fold = new PerEventFold(childId, [], current);
    fold.point.count = point.count;
    fold.point.latest = point.latest;
    fold.resume(load);
    return fold;
  }

  /**
   * Keep folding after everything given so far has been stored: the stream is dropped from
   * memory and `load` reads it back (exactly the events given so far, in order) if a refold needs it.
   */
  resume(load: () => readonly StoredJourneyEvent[]): void {
    this.stream = undefined;
    this.tail = [];
    this.load = load;
  }

  get summary(): JourneySummary {
    return this.current;
  }

  /** Events folded so far (the stream's length). */
  get count(): number {
    return this.point.count;
  }

  /**
   * On or after every date in the summary (latestDateIn), kept from one event to the next: an
   * event folded in place writes no date but its effective date (apply-event.ts), so the bound
   * moves to that date at most; after a refold it is worked out again. Nothing in the summary is
   * dated after D when this is on or before D, without scanning the summary (the feed asks that
   * after every event, and the scan grew with the child's life).
   */
  get latestDate(): string {
    return (this.latestKnown ??= latestDateIn(this.current));
  }

  /** The latest effective date folded (registrations aside), '' before any. */
  get latest(): string {
    return this.point.latest;
  }

  next(event: StoredJourneyEvent): JourneySummary {
    const inPlace = appendsAtEnd(this.point, event);
    if (this.stream) this.stream.push(event);
    else this.tail.push(event);
    advance(this.point, event);
    if (inPlace) {
      applyEvent(this.current, event);
      this.changed = facetsChangedBy(event, this.current);
      this.changedFrom = event.data.effectiveDate;
      const date = event.data.effectiveDate;
      if (this.latestKnown !== undefined && date > this.latestKnown && !countsOnly(event.type))
        this.latestKnown = date;
    } else {
      const before = this.current;
      this.current = summaryFromStream(this.childId, this.wholeStream());
      this.changed = facetsBetween(before, this.current);
      this.changedFrom = earliestChange(this.wholeStream(), event);
      this.latestKnown = undefined;
    }
    return this.current;
  }

  private wholeStream(): StoredJourneyEvent[] {
    if (!this.stream) {
      this.stream = [...(this.load?.() ?? []), ...this.tail];
      this.tail = [];
    }
    return this.stream;
  }
}

/** The entry a correction points at (undefined for an entry). */
const targetOf = (event: StoredJourneyEvent): string | undefined => {
  if (!isCorrection(event)) return undefined;
  const data = event.data as { correctedEventId?: string; retractedEventId?: string };
  return data.correctedEventId ?? data.retractedEventId;
};

/**
 * The earliest date `event` (just folded, last in `stream`) can change the summary from: its
 * effective date, and for a correction the dates of every entry it touches: the corrected entry
 * and every correction of it, down and across the chain (an amendment moved the entry's date; a
 * retracted amendment brings back what it amended). Undefined when it touches a registration (date
 * of birth and the like hold for every date).
 */
export function earliestChange(
  stream: readonly StoredJourneyEvent[],
  event: StoredJourneyEvent,
): string | undefined {
  if (!isCorrection(event)) return event.type === 'ChildRegistered' ? undefined : event.data.effectiveDate;
  const touched = new Set<StoredJourneyEvent>([event]);
  const pending = [event];
  let earliest = event.data.effectiveDate;
  while (pending.length > 0) {
    const current = pending.pop() as StoredJourneyEvent;
    if (current.type === 'ChildRegistered') return undefined;
    if (current.data.effectiveDate < earliest) earliest = current.data.effectiveDate;
    const target = targetOf(current);
    for (const other of stream)
      if ((other.id === target || targetOf(other) === current.id) && !touched.has(other)) {
        touched.add(other);
        pending.push(other);
      }
  }
  return earliest;
}
