/**
 * The data fields each event type holds (events.ts), at run time: what an amendment may give for
 * the entry it corrects, and what a feed may pass on of an amendment. The type below fails the
 * build when a field is added to an event and not here.
 */
import type { EventData, JourneyEventType } from './events';

const DATED = ['childId', 'effectiveDate'] as const;

export const ENTRY_FIELDS = {
  ChildRegistered: [
    ...DATED,
    'childRef',
    'name',
    'dateOfBirth',
    'sex',
    'ethnicity',
    'upn',
    'homePostcode',
    'uasc',
    'relinquishedAtBirth',
    'team',
    'socialWorker',
  ],
  AllocationChanged: [...DATED, 'team', 'socialWorker'],
  PeriodOfCareStarted: [...DATED, 'legalStatus', 'categoryOfNeed', 'placement', 'previousPermanence'],
  LegalStatusChanged: [...DATED, 'legalStatus'],
  PlacementChanged: [...DATED, 'placement', 'reasonForChange', 'sameCarer'],
  TemporaryPlacementStarted: [...DATED, 'placementType'],
  TemporaryPlacementEnded: [...DATED, 'reRecordedAs'],
  StatutoryReviewHeld: [...DATED, 'participation'],
  PermanencePlanSet: [...DATED, 'route'],
  GoingHomeAuditCompleted: [...DATED, 'outcome', 'nextAction'],
  StatutoryVisitRecorded: [...DATED, 'seenAlone', 'visitNote'],
  AdoptionDecisionMade: [...DATED],
  PlacementOrderGranted: [...DATED],
  AdoptionConsentGiven: [...DATED],
  AdoptionDecisionReversed: [...DATED, 'reason'],
  MatchedWithAdopters: [...DATED],
  PlacedForAdoption: [...DATED, 'placement', 'sameCarer'],
  AdoptionOrderGranted: [
    ...DATED,
    'adoptedByFosterCarer',
    'numberOfAdopters',
    'adopterSex',
    'adopterLegalStatus',
  ],
  MissingEpisodeStarted: [...DATED, 'kind'],
  MissingEpisodeEnded: [...DATED],
  PeriodOfCareEnded: [...DATED, 'reason'],
  AnnualHealthOutcomesRecorded: [
    ...DATED,
    'sdqScore',
    'sdqReason',
    'convicted',
    'healthCheck',
    'immunisations',
    'teethCheck',
    'healthAssessment',
    'substanceMisuse',
    'interventionReceived',
    'interventionOffered',
  ],
  CareLeaverContactRecorded: [...DATED, 'inTouch', 'activity', 'accommodation'],
  EntryAmended: [...DATED, 'correctedEventId', 'reason', 'amendedData', 'amendedSchemaVersion'],
  EntryRetracted: [...DATED, 'retractedEventId', 'reason'],
  RegistrationRetracted: [...DATED, 'retractedEventId', 'reason'],
} as const satisfies { [T in JourneyEventType]: readonly (keyof EventData<T>)[] };

/** Never, unless an event has a field ENTRY_FIELDS does not list (then the assertion below fails). */
type UnlistedFields = {
  [T in JourneyEventType]: Exclude<keyof EventData<T>, (typeof ENTRY_FIELDS)[T][number]>;
}[JourneyEventType];
/** `true`, or the message tsc shows with the fields to add ("does not satisfy the constraint 'true'"). */
type EveryFieldListed = [UnlistedFields] extends [never]
  ? true
  : ['Add these fields to ENTRY_FIELDS in libs/journey/src/entry-fields.ts:', UnlistedFields];
const assertEveryFieldListed = <T extends true>(): T | undefined => undefined;
assertEveryFieldListed<EveryFieldListed>();

/** Whether `field` is one of the data fields of `type`'s events. */
export const isFieldOf = (type: JourneyEventType, field: string): boolean =>
  (ENTRY_FIELDS[type] as readonly string[]).includes(field);

/** Every field any entry (not a correction) holds: what an amendment can have given. */
export const ENTRY_FIELD_NAMES: ReadonlySet<string> = new Set(
  Object.entries(ENTRY_FIELDS)
    .filter(([type]) => !['EntryAmended', 'EntryRetracted', 'RegistrationRetracted'].includes(type))
    .flatMap(([, fields]) => fields),
);
