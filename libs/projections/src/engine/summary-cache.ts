/**
 * Parsed summaries kept in memory for queries: each refresh reads only the rows updated since the
 * last one (by position), and starts over when a rebuild switched generations. Works the same
 * whether this process or a separate worker writes the file.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import { LookedAfterIndex } from './looked-after-index';
import type { ReadModelStore } from './read-model-store';

export class SummaryCache {
  private generation = 0;
  private upTo: bigint | undefined;
  private readonly byChild = new Map<string, JourneySummary>();
  private readonly lookedAfter = new LookedAfterIndex();

  constructor(private readonly readModels: ReadModelStore) {}

  /** Every child's summary, up to date with the read-model file. */
  all(): Iterable<JourneySummary> {
    this.refresh();
    return this.byChild.values();
  }

  /** The summaries of the children looked after on `date`, in the order `all` gives them (looked-after-index.ts). */
  lookedAfterOn(date: CalendarDate): readonly JourneySummary[] {
    this.refresh();
    return this.lookedAfter.on(date, this.byChild);
  }

  get(childId: string): JourneySummary | undefined {
    this.refresh();
    return this.byChild.get(childId);
  }

  private refresh(): void {
    let read = this.readModels.summariesChangedSince(this.upTo);
    while (read.generation !== this.generation) {
      // A rebuild switched generations: start over on the new one, read whole.
      this.byChild.clear();
      this.lookedAfter.clear();
      this.upTo = undefined;
      this.generation = read.generation;
      read = this.readModels.summariesChangedSince(undefined);
    }
    this.absorb(read.records);
  }

  private absorb(records: { summary: JourneySummary; lastPosition: bigint }[]): void {
    for (const { summary, lastPosition } of records) {
      this.byChild.set(summary.childId, summary);
      this.lookedAfter.changed(summary);
      if (this.upTo === undefined || lastPosition > this.upTo) this.upTo = lastPosition;
    }
  }
}
