import type { JourneyEventType } from '@care-journey/journey';

/**
 * Event types in the panel's words (the chronology and the evidence lists). Keyed by every journey
 * event type, so a new type does not compile until it has words here.
 */
const LABELS: Record<JourneyEventType, string> = {
  ChildRegistered: 'Child registered',
  AllocationChanged: 'Allocation changed',
  PeriodOfCareStarted: 'Became looked after',
  LegalStatusChanged: 'Legal status changed',
  PlacementChanged: 'Placement changed',
  TemporaryPlacementStarted: 'Temporary placement started',
  TemporaryPlacementEnded: 'Back from temporary placement',
  StatutoryReviewHeld: 'Review held',
  PermanencePlanSet: 'Permanence plan set',
  GoingHomeAuditCompleted: 'Going-home audit completed',
  StatutoryVisitRecorded: 'Statutory visit',
  AdoptionDecisionMade: 'Should be placed for adoption (ADM decision)',
  PlacementOrderGranted: 'Placement order granted',
  AdoptionConsentGiven: 'Consent to adoption given',
  AdoptionDecisionReversed: 'Adoption decision reversed',
  MatchedWithAdopters: 'Matched with adopters',
  PlacedForAdoption: 'Placed for adoption',
  AdoptionOrderGranted: 'Adoption order granted',
  MissingEpisodeStarted: 'Went missing or away',
  MissingEpisodeEnded: 'Returned from missing or away',
  PeriodOfCareEnded: 'Left care',
  AnnualHealthOutcomesRecorded: 'Annual health outcomes recorded',
  CareLeaverContactRecorded: 'Care leaver contact recorded',
  EntryAmended: 'Correction',
  EntryRetracted: 'Entry withdrawn',
  RegistrationRetracted: 'Registration withdrawn (registered in error)',
};

export const eventLabel = (type: string): string =>
  Object.prototype.hasOwnProperty.call(LABELS, type) ? LABELS[type as JourneyEventType] : type;

export const ROUTE_TEXT: Record<string, string> = {
  return_home: 'Return home',
  special_guardianship: 'Special guardianship',
  child_arrangements_order: 'Child arrangements order',
  long_term_fostering: 'Long-term fostering',
  adoption: 'Adoption',
};
