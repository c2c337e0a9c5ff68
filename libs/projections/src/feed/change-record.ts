/**
 * What the projection-change feed says about a child. Each record is one fact appearing (care
 * started, a flag opened, …) or updated (the same kind and key with new data: it replaces the fact),
 * a fact withdrawn by a correction (the log no longer supports it), or the stability state flipping.
 * Records carry references and codes only (child id and reference, dates, codes): never a name.
 */
import type { CalendarDate } from '@care-journey/journey';

/** Facts, keyed by kind and key: present in a child's view until a correction removes them. */
export const FACT_KINDS = [
  'care.started',
  'care.ended',
  'placement.changed',
  'plan.set',
  'permanence.reached',
  'flag.opened',
  'flag.closed',
] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export type ChangeKind = FactKind | 'stability.changed' | 'change.withdrawn';

export type ChangeData = Record<string, string | number | boolean | null>;

/** One fact of a child's view; `key` tells apart facts of one kind (e.g. each period's start). */
export interface ChildFact {
  kind: FactKind;
  key: string;
  data: ChangeData;
}

/** Placements counted over the months up to the as-at date against the DR05 threshold. */
export interface StabilityState {
  placements: number;
  threshold: number;
  months: number;
  unstable: boolean;
}

/** What the feed compares between two points of a child's journey. */
export interface ChildView {
  childRef: string;
  asAt: CalendarDate;
  facts: ChildFact[];
  stability: StabilityState;
  /**
   * Facts a consumer of the feed holds that this view does not (set by diffViews, kept with the
   * child): a flag a new entry made go, whose opening and the closing the feed sent stay with the
   * consumer (held-facts.ts). Undefined or empty: the consumer holds exactly the view's facts.
   */
  held?: readonly ChildFact[];
}

export interface ChangeRecord {
  kind: ChangeKind;
  childId: string;
  childRef: string;
  /** The date the child's view was evaluated as at (see feed-clock.ts). */
  asAt: CalendarDate;
  key: string;
  /** For change.withdrawn: the kind of the fact that no longer holds. */
  withdrawn?: FactKind;
  data: ChangeData;
}
