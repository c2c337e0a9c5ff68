/**
 * What the authority measures read from the projection engine's read models: the per-child
 * summaries and each child's stored events. The API's JourneyQueries and the engine itself (CLI,
 * see engine-read-models.ts) both fit, so the measures never read the event log themselves.
 */
import type { StoredJourneyEvent } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';

export interface JourneyReadModels {
  /**
   * Every child's summary as the read model stores it. A child's object is replaced when its row
   * changes (a new event, a rebuild), so an unchanged object means an unchanged child.
   */
  summaries(): Iterable<JourneySummary>;
  /**
   * The child's events as stored (corrections included), with their log positions; undefined for
   * an unknown child. Read from the event store (the read model keeps no copy of the events).
   */
  events(
    childId: string,
  ): readonly StoredJourneyEvent[] | undefined | Promise<readonly StoredJourneyEvent[] | undefined>;
  /**
   * Optional: moves whenever `summaries()` has returned something new (read after calling it),
   * letting an unchanged read model skip even the per-child comparison.
   */
  readonly version?: number;
}
