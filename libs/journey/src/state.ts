/**
 * What the domain knows about one child's journey, derived from the stream. Dated lists are kept
 * in effective-date order (arrival order within a day), not recording order; the `current…`
 * fields are derived from those lists. `history` keeps every stored event so that a late entry or
 * a correction can be folded again from scratch.
 */
import type {
  CalendarDate,
  JourneyEventType,
  PermanenceRoute,
  PlacementDetails,
  StoredJourneyEvent,
} from './events';

export interface ChildDetails {
  childRef: string;
  name: string;
  dateOfBirth: CalendarDate;
  sex: '1' | '2';
  ethnicity: string;
  upn: string;
  homePostcode?: string;
  uasc: boolean;
  relinquishedAtBirth: boolean;
  /** Effective date of the registration. */
  knownSince: CalendarDate;
}

export interface Allocation {
  team: string;
  socialWorker: string;
  since: CalendarDate;
  eventId: string;
}

export interface PeriodOfCare {
  startDate: CalendarDate;
  endDate?: CalendarDate;
  /** 903 REC of the end of care. */
  endReason?: string;
  /** Latest legal status within the period. */
  legalStatus: string;
  categoryOfNeed: string;
  previousPermanence?: { code: string; la?: string; date?: string };
  startEventId: string;
  endEventId?: string;
}

export interface LegalStatusSpell {
  legalStatus: string;
  startDate: CalendarDate;
  endDate?: CalendarDate;
  eventId: string;
}

/** entry: start of care; change: new placement; temporary: T0–T4; return: back to the usual one. */
export type PlacementKind = 'entry' | 'change' | 'temporary' | 'return' | 'adoption';

export interface PlacementSpell extends PlacementDetails {
  startDate: CalendarDate;
  endDate?: CalendarDate;
  kind: PlacementKind;
  sameCarer: boolean;
  reasonForChange?: string;
  eventId: string;
}

export interface ReviewRecord {
  date: CalendarDate;
  participation: string;
  eventId: string;
}

export interface PermanencePlanRecord {
  route: PermanenceRoute;
  date: CalendarDate;
  eventId: string;
}

export interface GoingHomeAuditRecord {
  date: CalendarDate;
  outcome: string;
  nextAction: string;
  eventId: string;
}

export interface StatutoryVisitRecord {
  date: CalendarDate;
  seenAlone: boolean;
  visitNote?: string;
  eventId: string;
}

export type AdoptionStepName =
  'decision' | 'placement_order' | 'consent' | 'reversed' | 'match' | 'placed' | 'order';

export interface AdoptionStep {
  step: AdoptionStepName;
  date: CalendarDate;
  eventId: string;
  /** RD1–RD4 for a reversal; the PLACE code for a placement. */
  detail?: string;
}

/** The adoption route in the latest period of care. Match and move-in belong to the latest decision. */
export interface AdoptionProgress {
  decisionOpen: boolean;
  decisionDate?: CalendarDate;
  placementOrderDate?: CalendarDate;
  consentDate?: CalendarDate;
  matchDate?: CalendarDate;
  placedDate?: CalendarDate;
  placedPlacementType?: string;
  reversed?: { date: CalendarDate; reason: string };
  orderDate?: CalendarDate;
}

export interface MissingEpisode {
  kind: 'M' | 'A';
  startDate: CalendarDate;
  endDate?: CalendarDate;
  startEventId: string;
}

/** Every event id seen on the stream, so corrections can be checked. */
export interface EventRecord {
  type: JourneyEventType;
  effectiveDate: CalendarDate;
  recordedAt: string;
  retracted: boolean;
  amended: boolean;
}

export interface JourneyState {
  registered: boolean;
  childId?: string;
  child?: ChildDetails;
  allocation?: Allocation;
  allocations: Allocation[];
  inCare: boolean;
  /** The open period of care, if any. */
  currentPeriodOfCare?: PeriodOfCare;
  periodsOfCare: PeriodOfCare[];
  legalStatuses: LegalStatusSpell[];
  currentPlacement?: PlacementSpell;
  /** While a temporary placement is open: the usual placement the child returns to. */
  usualPlacement?: PlacementSpell;
  placements: PlacementSpell[];
  reviews: ReviewRecord[];
  /** Latest plan in the latest period of care. */
  permanencePlan?: PermanencePlanRecord;
  permanencePlans: PermanencePlanRecord[];
  goingHomeAudits: GoingHomeAuditRecord[];
  statutoryVisits: StatutoryVisitRecord[];
  adoption: AdoptionProgress;
  adoptionSteps: AdoptionStep[];
  missingEpisodeOpen: boolean;
  missingEpisodes: MissingEpisode[];
  events: Record<string, EventRecord>;
  /** Every stored event in stream order, corrections included. */
  history: StoredJourneyEvent[];
  /** Latest effective date folded so far (registration aside): an earlier one means a late entry. */
  lastEffectiveDate?: CalendarDate;
}

/** The state without `history` and `events`: what the folds read and write. */
export type JourneyFields = Omit<JourneyState, 'history' | 'events'>;

export const initialState: JourneyState = Object.freeze({
  registered: false,
  allocations: [],
  inCare: false,
  periodsOfCare: [],
  legalStatuses: [],
  placements: [],
  reviews: [],
  permanencePlans: [],
  goingHomeAudits: [],
  statutoryVisits: [],
  adoption: { decisionOpen: false },
  adoptionSteps: [],
  missingEpisodeOpen: false,
  missingEpisodes: [],
  events: {},
  history: [],
}) as JourneyState;
