/**
 * The per-child journey summary: everything the rules and measures need, each fact with its
 * effective date and the id of the event that says so. Plain JSON (no bigint, no Date) so it
 * can be stored as-is in the read model and evaluated as at any date without replaying events.
 */
import type { CalendarDate, PermanenceRoute } from '@care-journey/journey';

/** A fact on a date, and the event that records it (the evidence a flag points at). */
export interface DatedFact {
  date: CalendarDate;
  eventId: string;
}

export interface LegalStatusFact extends DatedFact {
  code: string;
}

export interface PlacementTypeFact extends DatedFact {
  placementType: string;
}

export interface TemporaryStay {
  start: CalendarDate;
  end?: CalendarDate;
  placementType: string;
  eventId: string;
}

/**
 * One counted placement: a run of episodes with the same carer. Changes of placement type
 * with the same carer, temporary stays (T0–T4) and the return from them stay inside the run.
 */
export interface PlacementRun {
  start: CalendarDate;
  /** The day the next placement started or care ended (absent while it lasts). */
  end?: CalendarDate;
  startEventId: string;
  /** Placement types in this run, oldest first; the first is the one it started with. */
  types: PlacementTypeFact[];
  temporaryStays: TemporaryStay[];
}

export interface PlanFact extends DatedFact {
  route: PermanenceRoute;
}

export interface AdoptivePlacementFact extends DatedFact {
  placementType: string;
  sameCarer: boolean;
}

export interface AdoptionOrderFact extends DatedFact {
  adoptedByFosterCarer: boolean;
}

export interface AdoptionSteps {
  decisions: DatedFact[];
  reversals: (DatedFact & { reason: string })[];
  placementOrders: DatedFact[];
  consents: DatedFact[];
  matches: DatedFact[];
  placements: AdoptivePlacementFact[];
  order?: AdoptionOrderFact;
}

export interface MissingSpell {
  start: CalendarDate;
  end?: CalendarDate;
  kind: 'M' | 'A';
  eventId: string;
}

export interface PeriodOfCare {
  start: CalendarDate;
  startEventId: string;
  end?: CalendarDate;
  /** 903 REC of the ending. */
  endReason?: string;
  endEventId?: string;
  categoryOfNeed: string;
  legalStatuses: LegalStatusFact[];
  placements: PlacementRun[];
  reviews: DatedFact[];
  plans: PlanFact[];
  audits: DatedFact[];
  /**
   * Statutory visits (reg 28), in date order. Absent until the period's first visit: summaries
   * stored before visits were recorded have none, and most periods need no empty list.
   */
  visits?: DatedFact[];
  adoption: AdoptionSteps;
  missing: MissingSpell[];
}

export interface AllocationFact extends DatedFact {
  team: string;
  socialWorker: string;
}

export interface JourneySummary {
  childId: string;
  childRef: string;
  /** Display name: callers strip it for roles that must not see names. */
  name: string;
  dateOfBirth?: CalendarDate;
  sex?: '1' | '2';
  uasc: boolean;
  relinquishedAtBirth: boolean;
  registeredEventId?: string;
  allocations: AllocationFact[];
  periods: PeriodOfCare[];
  /** Effective events folded in (after corrections): a cheap change marker. */
  eventCount: number;
}

export const emptySummary = (childId: string): JourneySummary => ({
  childId,
  childRef: '',
  name: '',
  uasc: false,
  relinquishedAtBirth: false,
  allocations: [],
  periods: [],
  eventCount: 0,
});
