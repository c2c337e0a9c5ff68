/**
 * The children looked after on a date (a period of care open then), for the last few dates asked,
 * kept up to date as summaries change: the drift report reads its candidates here instead of every
 * summary the API holds (an authority's read models are mostly closed cases: #9, 10,020 of 12,020).
 * Only a child looked after on the date can be in the report (driftReport skips the rest on the
 * same test, periodOn), so the report over these is the report over all. Each list keeps the order
 * of the summaries it was taken from, so ties in the report's sort fall as they would over all.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import { periodOn } from '../summary/queries';

/** Dates kept: today, a panel's chosen date or two, a projection; older ones are scanned again. */
const DATES_KEPT = 8;

interface DateEntry {
  children: Map<string, JourneySummary>;
  /** The children as a list in order, until one of them changes. */
  list?: readonly JourneySummary[];
  /** The latest place in the summaries' order among the children taken in (an upper bound after a removal). */
  last: number;
  /** A child was taken in after one that comes later in the summaries' order: sort before listing. */
  unordered: boolean;
}

export class LookedAfterIndex {
  private readonly dates = new Map<CalendarDate, DateEntry>();
  /** Each child's place in the summaries' order (first seen first), as the summary cache's map keeps it. */
  private readonly order = new Map<string, number>();

  constructor(private readonly datesKept = DATES_KEPT) {}

  /** The summaries of `all` (every child, in order) looked after on `date`, in that order. */
  on(date: CalendarDate, all: ReadonlyMap<string, JourneySummary>): readonly JourneySummary[] {
    let entry = this.dates.get(date);
    if (entry)
      this.dates.delete(date); // re-inserted below: the most recently asked is kept longest
    else entry = this.scan(date, all);
    this.dates.set(date, entry);
    for (const oldest of this.dates.keys()) {
      if (this.dates.size <= this.datesKept) break;
      this.dates.delete(oldest);
    }
    if (entry.unordered) {
      const sorted = [...entry.children].sort(([a], [b]) => this.placeOf(a) - this.placeOf(b));
      entry.children = new Map(sorted);
      entry.unordered = false;
    }
    entry.list ??= [...entry.children.values()];
    return entry.list;
  }

  /** A child's summary is new or replaced: every kept date takes it in or lets it go. */
  changed(summary: JourneySummary): void {
    const { childId } = summary;
    if (!this.order.has(childId)) this.order.set(childId, this.order.size);
    const place = this.placeOf(childId);
    for (const [date, entry] of this.dates) {
      const had = entry.children.has(childId);
      if (periodOn(summary, date) === undefined) {
        if (!had) continue;
        entry.children.delete(childId);
      } else {
        if (!had && place < entry.last) entry.unordered = true;
        entry.last = Math.max(entry.last, place);
        entry.children.set(childId, summary);
      }
      entry.list = undefined;
    }
  }

  /** Every summary gone (a rebuild switched generations): nothing kept. */
  clear(): void {
    this.dates.clear();
    this.order.clear();
  }

  private scan(date: CalendarDate, all: ReadonlyMap<string, JourneySummary>): DateEntry {
    const entry: DateEntry = { children: new Map(), last: -1, unordered: false };
    for (const [childId, summary] of all)
      if (periodOn(summary, date) !== undefined) {
        entry.children.set(childId, summary);
        entry.last = this.placeOf(childId);
      }
    return entry;
  }

  /** Every child the index was told of has a place; one it was not told of sorts last. */
  private placeOf(childId: string): number {
    return this.order.get(childId) ?? Number.MAX_SAFE_INTEGER;
  }
}
