/**
 * The events of a child's care journey: one stream per child, `journey-<childId>`.
 * Every event carries `effectiveDate` (a calendar date in the child's life, YYYY-MM-DD);
 * when and by whom it was recorded travels in the store metadata (recordedAt, recordedBy).
 * Event data is versioned per type (metadata.schemaVersion; every type is at 1 until
 * event-schema.ts says otherwise, and older versions are upcast there on read).
 * Codes are the SSDA903 national codes (see code-lists.ts and shared/domain/national-definitions.md, in
 * the shared folder outside this repository: docs/CONTRIBUTING.md, "The rule book").
 */

export const journeyStream = (childId: string): string => `journey-${childId}`;
export const JOURNEY_STREAM_PREFIX = 'journey-';

/** A calendar date, YYYY-MM-DD, no time zone. */
export type CalendarDate = string;

export interface PlacementDetails {
  /** 903 PLACE code, e.g. U4, K2, A5, P1. */
  placementType: string;
  /** 903 PLACE_PROVIDER, PR0–PR5; absent for temporary (T0–T4) and Z placements. */
  provider?: string;
  /** Placement postcode (district at least, e.g. "LS1" or full "LS1 4AB"). */
  postcode?: string;
  /** Ofsted URN of the setting, or "XXXXXXX" when not applicable. */
  urn?: string;
  /** Inside the responsible authority's area. */
  inArea?: boolean;
}

export interface ChildRegistered {
  type: 'ChildRegistered';
  data: {
    childId: string;
    effectiveDate: CalendarDate; // the date the child became known (use date of birth if unknown)
    /** The authority's own child reference (903 CHILD). */
    childRef: string;
    /** Display name for the panel; never sent to reporting jobs. */
    name: string;
    dateOfBirth: CalendarDate;
    /** 903 SEX: '1' male, '2' female. */
    sex: '1' | '2';
    /** 903 ETHNIC code. */
    ethnicity: string;
    /** Unique pupil number, or UN1–UN5. */
    upn: string;
    homePostcode?: string;
    /** Unaccompanied asylum-seeking child. */
    uasc: boolean;
    relinquishedAtBirth: boolean;
    team: string;
    socialWorker: string;
  };
}

export interface AllocationChanged {
  type: 'AllocationChanged';
  data: { childId: string; effectiveDate: CalendarDate; team: string; socialWorker: string };
}

export interface PeriodOfCareStarted {
  type: 'PeriodOfCareStarted';
  data: {
    childId: string;
    effectiveDate: CalendarDate;
    /** 903 LS. */
    legalStatus: string;
    /** 903 CIN, N1–N8, constant through the period of care. */
    categoryOfNeed: string;
    placement: PlacementDetails;
    /** 903 PREV_PERM (P1–P4, Z1) and the LA and date of that earlier order, when known. */
    previousPermanence?: { code: string; la?: string; date?: string };
  };
}

export interface LegalStatusChanged {
  type: 'LegalStatusChanged';
  data: { childId: string; effectiveDate: CalendarDate; legalStatus: string };
}

export interface PlacementChanged {
  type: 'PlacementChanged';
  data: {
    childId: string;
    effectiveDate: CalendarDate;
    placement: PlacementDetails;
    /** 903 REASON_PLACE_CHANGE (CARPL, CLOSE, …, PLACE, OTHER). */
    reasonForChange: string;
    /** Same carer (903 RNE T/U) vs a new carer (P/B). */
    sameCarer: boolean;
  };
}

export interface TemporaryPlacementStarted {
  type: 'TemporaryPlacementStarted';
  data: { childId: string; effectiveDate: CalendarDate; placementType: 'T0' | 'T1' | 'T2' | 'T3' | 'T4' };
}

/** The child returned to the usual placement held before the temporary one. */
export interface TemporaryPlacementEnded {
  type: 'TemporaryPlacementEnded';
  data: {
    childId: string;
    effectiveDate: CalendarDate;
    /**
     * The usual placement's type was withdrawn while the child was away (H5 from 1 April 2025): the
     * child goes back to the same setting, recorded in the type that replaces it (K3), 903 RNE P.
     */
    reRecordedAs?: string;
  };
}

export interface StatutoryReviewHeld {
  type: 'StatutoryReviewHeld';
  data: { childId: string; effectiveDate: CalendarDate; participation: string /* PN0–PN7 */ };
}

export type PermanenceRoute =
  'return_home' | 'special_guardianship' | 'child_arrangements_order' | 'long_term_fostering' | 'adoption';

export interface PermanencePlanSet {
  type: 'PermanencePlanSet';
  data: { childId: string; effectiveDate: CalendarDate; route: PermanenceRoute };
}

export interface GoingHomeAuditCompleted {
  type: 'GoingHomeAuditCompleted';
  data: { childId: string; effectiveDate: CalendarDate; outcome: string; nextAction: string };
}

/**
 * A statutory visit to a looked-after child (reg 28 of the Care Planning, Placement and Case Review
 * (England) Regulations 2010). `visitNote` is free text about the child and family: withheld from
 * the panel and reporting jobs, as a going-home audit's findings are.
 */
export interface StatutoryVisitRecorded {
  type: 'StatutoryVisitRecorded';
  data: { childId: string; effectiveDate: CalendarDate; seenAlone: boolean; visitNote?: string };
}

/** The agency decision that the child should be placed for adoption (903 DATE_INT / DATE_PLACED). */
export interface AdoptionDecisionMade {
  type: 'AdoptionDecisionMade';
  data: { childId: string; effectiveDate: CalendarDate };
}

/** Court authority to place: also sets legal status E1. */
export interface PlacementOrderGranted {
  type: 'PlacementOrderGranted';
  data: { childId: string; effectiveDate: CalendarDate };
}

/** Parental consent to placement for adoption (s19 ACA 2002), the other authority to place. */
export interface AdoptionConsentGiven {
  type: 'AdoptionConsentGiven';
  data: { childId: string; effectiveDate: CalendarDate };
}

/** The child should no longer be placed for adoption (903 DATE_PLACED_CEASED, RD1–RD4). */
export interface AdoptionDecisionReversed {
  type: 'AdoptionDecisionReversed';
  data: { childId: string; effectiveDate: CalendarDate; reason: 'RD1' | 'RD2' | 'RD3' | 'RD4' };
}

export interface MatchedWithAdopters {
  type: 'MatchedWithAdopters';
  data: { childId: string; effectiveDate: CalendarDate };
}

/**
 * Moved in with the adoptive family (A3–A6), or with fostering-for-adoption carers (U2/U5).
 * This is also a placement change for every stability measure, unless `sameCarer`.
 */
export interface PlacedForAdoption {
  type: 'PlacedForAdoption';
  data: { childId: string; effectiveDate: CalendarDate; placement: PlacementDetails; sameCarer: boolean };
}

export interface AdoptionOrderGranted {
  type: 'AdoptionOrderGranted';
  data: {
    childId: string;
    effectiveDate: CalendarDate;
    /** 903 AD1 fields. */
    adoptedByFosterCarer: boolean;
    numberOfAdopters: 1 | 2;
    adopterSex: string; // M1, F1, MM, FF, MF
    adopterLegalStatus: string; // L0, L11, L12, L2, L3, L4
  };
}

export interface MissingEpisodeStarted {
  type: 'MissingEpisodeStarted';
  data: { childId: string; effectiveDate: CalendarDate; kind: 'M' | 'A' };
}

export interface MissingEpisodeEnded {
  type: 'MissingEpisodeEnded';
  data: { childId: string; effectiveDate: CalendarDate };
}

export interface PeriodOfCareEnded {
  type: 'PeriodOfCareEnded';
  data: { childId: string; effectiveDate: CalendarDate; reason: string /* 903 REC, E11…E9 */ };
}

/**
 * 903 OC2: health and outcomes of a child looked after continuously for 12 months at a 31 March.
 * `effectiveDate` is that 31 March (the end of the collection year). Flags the DfE asks only at some
 * ages are absent otherwise: `convicted` from 10, `healthCheck` under 5, SDQ score or reason from 4
 * to 16; the intervention items only with a substance misuse problem.
 */
export interface AnnualHealthOutcomesRecorded {
  type: 'AnnualHealthOutcomesRecorded';
  data: {
    childId: string;
    effectiveDate: CalendarDate;
    /** Strengths and Difficulties Questionnaire total, 0–40. */
    sdqScore?: number;
    /** SDQ1–SDQ5: why there is no SDQ score. */
    sdqReason?: string;
    convicted?: boolean;
    healthCheck?: boolean;
    immunisations: boolean;
    teethCheck: boolean;
    healthAssessment: boolean;
    substanceMisuse: boolean;
    interventionReceived?: boolean;
    interventionOffered?: boolean;
  };
}

/**
 * 903 OC3: contact with a care leaver around a 17th–21st birthday after leaving care.
 * `effectiveDate` is the contact date (within three months of the birthday it reports on).
 */
export interface CareLeaverContactRecorded {
  type: 'CareLeaverContactRecorded';
  data: {
    childId: string;
    effectiveDate: CalendarDate;
    /** IN_TOUCH: YES, NO, DIED, REFU, NREQ, RHOM. */
    inTouch: string;
    /** ACTIV: F1…G6, or 0 when not known. */
    activity: string;
    /** ACCOM: B1…Z2, or 0 when not known. */
    accommodation: string;
  };
}

/** Corrections never edit: they point at the event they correct, and say why. */
export interface EntryAmended {
  type: 'EntryAmended';
  data: {
    childId: string;
    effectiveDate: CalendarDate; // the corrected entry's (possibly new) effective date
    correctedEventId: string;
    reason: string;
    /**
     * The corrected fields (those sent; childId is never changed), in the shape of the original's
     * type at `amendedSchemaVersion`.
     */
    amendedData: Record<string, unknown>;
    /**
     * The corrected type's schema version `amendedData` was written at (event-schema.ts). Written
     * only once that type is past version 1; absent means 1. resolveCorrections lays `amendedData`
     * over the entry at that version, then upcasts the result (docs/CONTRIBUTING.md).
     */
    amendedSchemaVersion?: number;
  };
}

export interface EntryRetracted {
  type: 'EntryRetracted';
  data: { childId: string; effectiveDate: CalendarDate; retractedEventId: string; reason: string };
}

/**
 * The child was registered in error (a duplicate of a child already known, a mistaken entry) and
 * nothing else was ever recorded for it: the registration is read as if it had never been made.
 * The stream keeps both events (append-only), so the audit trail and a replay as known at an
 * earlier time still show the registration; nothing more can be recorded on this stream.
 */
export interface RegistrationRetracted {
  type: 'RegistrationRetracted';
  data: {
    childId: string;
    /** The registration's effective date. */
    effectiveDate: CalendarDate;
    /** The ChildRegistered event withdrawn (read like an EntryRetracted's target). */
    retractedEventId: string;
    reason: string;
  };
}

export type JourneyEvent =
  | ChildRegistered
  | AllocationChanged
  | PeriodOfCareStarted
  | LegalStatusChanged
  | PlacementChanged
  | TemporaryPlacementStarted
  | TemporaryPlacementEnded
  | StatutoryReviewHeld
  | PermanencePlanSet
  | GoingHomeAuditCompleted
  | StatutoryVisitRecorded
  | AdoptionDecisionMade
  | PlacementOrderGranted
  | AdoptionConsentGiven
  | AdoptionDecisionReversed
  | MatchedWithAdopters
  | PlacedForAdoption
  | AdoptionOrderGranted
  | MissingEpisodeStarted
  | MissingEpisodeEnded
  | PeriodOfCareEnded
  | AnnualHealthOutcomesRecorded
  | CareLeaverContactRecorded
  | EntryAmended
  | EntryRetracted
  | RegistrationRetracted;

export type JourneyEventType = JourneyEvent['type'];

/** The data of one event type, e.g. `EventData<'PeriodOfCareStarted'>`. */
export type EventData<T extends JourneyEventType> = Extract<JourneyEvent, { type: T }>['data'];

/** A journey event as the domain sees it once stored: its id and recording metadata. */
export type StoredJourneyEvent = JourneyEvent & {
  id: string;
  recordedAt: string;
  recordedBy: string;
  revision?: bigint;
  globalPosition?: bigint;
  /**
   * Kept only for an event upcast on read (fromStoredEnvelope): its data as stored and that
   * version, so an amendment written at an older version is laid over the entry at that version
   * before upcasting (resolveCorrections). Absent: `data` is as stored, at the current version.
   */
  asStored?: StoredData;
};

/** An event's data as stored, and the schema version it was stored at. */
export interface StoredData {
  schemaVersion: number;
  data: Record<string, unknown>;
}
