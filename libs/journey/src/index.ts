// Public surface of the pure domain (@care-journey/journey).
export * from './events';
export * from './child-ref';
export * from './envelope';
export {
  currentSchemaVersion,
  JOURNEY_SCHEMAS,
  UnreadableEventSchema,
  upcastJourneyData,
  type JourneySchemas,
  type UnreadableReason,
  type Upcaster,
} from './event-schema';
// The version check of stored events that are not journey events (registries, trail, tokens).
export { assertKnownSchemaVersion, type VersionedStoredEvent } from './stored-event-version';
export {
  DEFAULT_SCHEMA_WRITES,
  heldSchemaWrite,
  parseSchemaWrites,
  raisedTypes,
  SCHEMA_WRITES,
  SCHEMA_WRITES_VARIABLE,
  type HeldSchemaWrite,
  type SchemaWrites,
} from './schema-writes';
export * from './calendar-date';
export { dateInEngland, endOfDateInEngland, dateOfInstant } from './england-time';
export * from './commands';
export * from './code-lists';
export * from './code-groups';
export * from './looked-after-otherwise';
export * from './errors';
export * from './state';
export { evolve, evolveAll, foldJourney } from './evolve';
export { decide } from './decide';
export { journeyDecider, type JourneyDecider } from './decider';
export { resolveCorrections, sortByEffectiveDate, isCorrection } from './resolve-corrections';
export {
  amendedData,
  layAmendment,
  storedDataOf,
  upcastToCurrent,
  type StoredAmendment,
} from './amended-entry';
export { amendableEntryType, childRefAmendedIn } from './handlers/corrections-targets';
export { ENTRY_WORDS } from './handlers/corrections-other-entry';
export { ENTRY_FIELDS, ENTRY_FIELD_NAMES, isFieldOf } from './entry-fields';
export { ENTRY_FIELD_KINDS, amendedFieldErrors, type AmendedFieldError } from './amendment-field-rules';
export {
  periodOfCareOn,
  legalStatusOn,
  currentLegalStatus,
  ageOn,
  lastEventDateInCurrentPeriod,
} from './queries';
export { adoptionProgress } from './fold/derive-current';
export { adoptionPathIndex } from './adoption-path';
export { failingEntries } from './journey-check';
export { eighteenthBirthday, isAdultOn, LOOKED_AFTER_AGE_LIMIT } from './looked-after-age';
export { isOfSchoolAgeFor209, schoolAgeReferenceDate, UNKNOWN_UPN_IN_WORDS } from './unknown-upn';
export { isOutsideEngland } from './invariants/outside-england';
export {
  LEGAL_STATUS_TIME_LIMITS,
  TEMPORARY_PLACEMENT_TIME_LIMITS,
  T3_MOST_IN_12_MONTHS,
  type TimeLimit,
} from './invariants/time-limits';
export { endsByRegistration } from './invariants/supported-accommodation';
export { mustReRecordPlacement } from './invariants/withdrawn-placement-types';
export { reasonFitsCarer } from './invariants/reason-and-carer';
export { isE8ForTurning18 } from './invariants/end-of-care';
export { placementAgeBreach } from './invariants/placement-age';
export {
  isOrderDateAsKnown,
  earliestDayOf,
  latestDayOf,
  isLaPermCode,
  LA_PERM_RULE,
  type OrderDateAsKnown,
} from './previous-permanence';
// Test helpers (no test-framework dependency), for specs elsewhere that need a journey state.
export {
  given as givenJourney,
  stateOf as journeyStateOf,
  stored as storedJourneyEvents,
} from './testing/decider-specification';
export {
  birthdayAt,
  careLeaverBirthdayInYear,
  careLeaverBirthdayNear,
  collectionYearStartOf,
  isCollectionYearEnd,
  lookedAfterAllYear,
  notACareLeaverAt,
  oc2ItemsDue,
  CARE_LEAVER_AGES,
  CARE_LEAVER_CONTACT_WINDOW_MONTHS,
  type CareHistory,
  type ContinuousCare,
  type CareLeaverBirthday,
  type Oc2ItemsDue,
} from './outcome-rules';
export { careLeaverContactsDue } from './care-leaver-contacts-due';
export { dateInWords } from './date-in-words';
