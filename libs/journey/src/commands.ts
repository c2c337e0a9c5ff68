/**
 * What a social worker records: one command per action. A command carries the data of the
 * event(s) it asks for, flat, plus when and by whom it is being recorded. `now` is passed in
 * (the domain has no clock) so decide can refuse dates in the future of the recording.
 */
import type { CalendarDate, EventData, PlacementDetails } from './events';

export interface CommandMeta {
  /** ISO instant with offset, the recording time, e.g. '2024-05-10T14:03:00Z'. */
  now: string;
  /** Who is recording (user id). */
  recordedBy: string;
}

type Command<T extends string, D> = { type: T } & D & CommandMeta;

export type RegisterChild = Command<'RegisterChild', EventData<'ChildRegistered'>>;
export type ChangeAllocation = Command<'ChangeAllocation', EventData<'AllocationChanged'>>;
/**
 * Set only by the 903 import (the API's DTOs have no such field): a placement as a return holds it.
 * One begun under its minimum age (903 rules 370/371) is then kept (the DfE accepted it) and reported.
 */
interface PlacementAsReturned {
  asReturned?: true;
}

export type StartPeriodOfCare = Command<
  'StartPeriodOfCare',
  EventData<'PeriodOfCareStarted'> & PlacementAsReturned
>;
export type ChangeLegalStatus = Command<'ChangeLegalStatus', EventData<'LegalStatusChanged'>>;
export type ChangePlacement = Command<'ChangePlacement', EventData<'PlacementChanged'> & PlacementAsReturned>;
export type StartTemporaryPlacement = Command<
  'StartTemporaryPlacement',
  EventData<'TemporaryPlacementStarted'>
>;
/** Back to the usual placement held before the temporary one. */
export type EndTemporaryPlacement = Command<'EndTemporaryPlacement', EventData<'TemporaryPlacementEnded'>>;
export type RecordReview = Command<'RecordReview', EventData<'StatutoryReviewHeld'>>;
export type SetPermanencePlan = Command<'SetPermanencePlan', EventData<'PermanencePlanSet'>>;
export type CompleteGoingHomeAudit = Command<'CompleteGoingHomeAudit', EventData<'GoingHomeAuditCompleted'>>;
export type RecordStatutoryVisit = Command<'RecordStatutoryVisit', EventData<'StatutoryVisitRecorded'>>;
export type RecordAdoptionDecision = Command<'RecordAdoptionDecision', EventData<'AdoptionDecisionMade'>>;
export type GrantPlacementOrder = Command<'GrantPlacementOrder', EventData<'PlacementOrderGranted'>>;
export type RecordAdoptionConsent = Command<'RecordAdoptionConsent', EventData<'AdoptionConsentGiven'>>;
export type ReverseAdoptionDecision = Command<
  'ReverseAdoptionDecision',
  EventData<'AdoptionDecisionReversed'>
>;
export type RecordMatch = Command<'RecordMatch', EventData<'MatchedWithAdopters'>>;
export type PlaceForAdoption = Command<'PlaceForAdoption', EventData<'PlacedForAdoption'>>;

/** 903 REC E11 (application unopposed) vs E12 (consent dispensed with by the court). */
export type AdoptionApplication = 'unopposed' | 'consent_dispensed';

/** Emits AdoptionOrderGranted and PeriodOfCareEnded (E11/E12 from `application`), same date. */
export type GrantAdoptionOrder = Command<
  'GrantAdoptionOrder',
  EventData<'AdoptionOrderGranted'> & { application: AdoptionApplication }
>;

export type StartMissingEpisode = Command<'StartMissingEpisode', EventData<'MissingEpisodeStarted'>>;
export type EndMissingEpisode = Command<'EndMissingEpisode', EventData<'MissingEpisodeEnded'>>;
/** Any REC except E11/E12 (those only through GrantAdoptionOrder) and X1 (not an end of care). */
export type EndPeriodOfCare = Command<
  'EndPeriodOfCare',
  EventData<'PeriodOfCareEnded'> & {
    /**
     * Set only by the 903 import (the API's DTO has no such field): an end of care as a return
     * holds it. E8 on the 18th birthday is then kept (the validator accepts it) and reported.
     */
    asReturned?: true;
  }
>;

/** 903 OC2 for the collection year ending `effectiveDate` (a 31 March). */
export type RecordAnnualHealthOutcomes = Command<
  'RecordAnnualHealthOutcomes',
  EventData<'AnnualHealthOutcomesRecorded'>
>;
/** 903 OC3: a care leaver's situation around a 17th–21st birthday. */
export type RecordCareLeaverContact = Command<
  'RecordCareLeaverContact',
  EventData<'CareLeaverContactRecorded'>
>;

/**
 * Replace the data of an earlier entry. `amendedData` is the full corrected data of the original
 * event (same type); the EntryAmended event's effectiveDate is taken from it.
 */
export type AmendEntry = Command<
  'AmendEntry',
  { childId: string; correctedEventId: string; reason: string; amendedData: Record<string, unknown> }
>;

/** Withdraw an earlier entry recorded in error. The event's effectiveDate is the original's. */
export type RetractEntry = Command<
  'RetractEntry',
  { childId: string; retractedEventId: string; reason: string }
>;

/**
 * Withdraw a registration made in error (an admin's repair, e.g. a child registered twice): only
 * while nothing but the registration (and amendments of it) is recorded. Emits RegistrationRetracted.
 */
export type RetractRegistration = Command<'RetractRegistration', { childId: string; reason: string }>;

export type JourneyCommand =
  | RegisterChild
  | ChangeAllocation
  | StartPeriodOfCare
  | ChangeLegalStatus
  | ChangePlacement
  | StartTemporaryPlacement
  | EndTemporaryPlacement
  | RecordReview
  | SetPermanencePlan
  | CompleteGoingHomeAudit
  | RecordStatutoryVisit
  | RecordAdoptionDecision
  | GrantPlacementOrder
  | RecordAdoptionConsent
  | ReverseAdoptionDecision
  | RecordMatch
  | PlaceForAdoption
  | GrantAdoptionOrder
  | StartMissingEpisode
  | EndMissingEpisode
  | EndPeriodOfCare
  | RecordAnnualHealthOutcomes
  | RecordCareLeaverContact
  | AmendEntry
  | RetractEntry
  | RetractRegistration;

export type JourneyCommandType = JourneyCommand['type'];

/** The command of one type, e.g. `CommandOf<'ChangePlacement'>`. */
export type CommandOf<T extends JourneyCommandType> = Extract<JourneyCommand, { type: T }>;

/** Every command type, for routing and validation in the application layer. */
export const JOURNEY_COMMAND_TYPES = [
  'RegisterChild',
  'ChangeAllocation',
  'StartPeriodOfCare',
  'ChangeLegalStatus',
  'ChangePlacement',
  'StartTemporaryPlacement',
  'EndTemporaryPlacement',
  'RecordReview',
  'SetPermanencePlan',
  'CompleteGoingHomeAudit',
  'RecordStatutoryVisit',
  'RecordAdoptionDecision',
  'GrantPlacementOrder',
  'RecordAdoptionConsent',
  'ReverseAdoptionDecision',
  'RecordMatch',
  'PlaceForAdoption',
  'GrantAdoptionOrder',
  'StartMissingEpisode',
  'EndMissingEpisode',
  'EndPeriodOfCare',
  'RecordAnnualHealthOutcomes',
  'RecordCareLeaverContact',
  'AmendEntry',
  'RetractEntry',
  'RetractRegistration',
] as const satisfies readonly JourneyCommandType[];

// Compile-time check that the list above names every command type exactly.
type Missing = Exclude<JourneyCommandType, (typeof JOURNEY_COMMAND_TYPES)[number]>;
const _allListed: [Missing] extends [never] ? true : never = true;

// Re-exported so callers building commands need only this module.
export type { CalendarDate, PlacementDetails };
