import {
  currentLegalStatus,
  foldJourney,
  isAdoptionPlacement,
  isAdultOn,
  isShortBreak,
  mustReRecordPlacement,
  resolveCorrections,
  type JourneyState,
  type StoredJourneyEvent,
} from '@care-journey/journey';
import { RECORD_FORMS, type RecordForm } from './form-definitions';
import { careLeaverBirthdaysDue, healthOutcomeYearsDue } from './outcomes-due';

/** Where the child's journey stands today, as far as the record forms care. */
interface ChildNow {
  inCare: boolean;
  /** Under 18 today (or no date of birth): care cannot start at 18 or over. */
  under18: boolean;
  /** In care now or at some time: reviews, plans and audits may be back-dated into any period. */
  everInCare: boolean;
  shortBreaks: boolean;
  temporaryPlacementOpen: boolean;
  missingEpisodeOpen: boolean;
  adoptionDecisionOpen: boolean;
  placedForAdoption: boolean;
  /** In a placement type withdrawn by today (H5, Z1 from 1 April 2025): re-recorded by a move first. */
  mustReRecordPlacement: boolean;
  /** Looked after all of a collection year ending by today, with no health outcomes (OC2) for it yet. */
  healthOutcomesDue: boolean;
  /** A care leaver at a 17th–21st birthday reportable by today, with no contact (OC3) for it yet. */
  careLeaverContactDue: boolean;
}

function childNow(state: JourneyState, resolved: readonly StoredJourneyEvent[], today: string): ChildNow {
  return {
    inCare: state.inCare,
    under18: state.child?.dateOfBirth === undefined || !isAdultOn(state.child.dateOfBirth, today),
    everInCare: state.periodsOfCare.length > 0,
    shortBreaks: state.inCare && isShortBreak(currentLegalStatus(state)?.legalStatus),
    temporaryPlacementOpen: state.usualPlacement !== undefined,
    missingEpisodeOpen: state.missingEpisodeOpen,
    adoptionDecisionOpen: state.adoption.decisionOpen,
    // A3–A6 only: a stored "placed for adoption" with U2/U5 is fostering for adoption (libs/journey notAlreadyPlaced).
    placedForAdoption: isAdoptionPlacement(state.adoption.placedPlacementType),
    mustReRecordPlacement: state.inCare && mustReRecordPlacement(state, today),
    healthOutcomesDue: healthOutcomeYearsDue(state, resolved, today).length > 0,
    careLeaverContactDue: careLeaverBirthdaysDue(state, resolved, today).length > 0,
  };
}

/**
 * When each form can be recorded, by the journey's own rules (libs/journey decides; this only
 * keeps the child's page from offering what it would refuse): no entry to care while in care or at 18+, no
 * review or temporary placement on short breaks (V3/V4), an end only for what is open, adoption
 * steps only on an open decision, no move, end of care, legal status change or placement order while a
 * temporary placement is open (a change dated on or before the stay's first day is still valid: its
 * form stays at its address, and the API takes it), and
 * for a child still in a withdrawn placement type (H5, Z1 from 1 April 2025) nothing that starts or
 * ends an episode but the move that re-records it. The 903 outcomes follow their cohorts (libs/journey
 * outcome-rules): health outcomes (OC2) for a year the child was looked after throughout, a care
 * leaver contact (OC3) around a 17th–21st birthday of a care leaver; each once.
 */
const APPLIES: Record<string, (child: ChildNow) => boolean> = {
  'entry-to-care': (c) => !c.inCare && c.under18,
  'placement-change': (c) => c.inCare && !c.temporaryPlacementOpen,
  'temporary-placement': (c) =>
    c.inCare && !c.shortBreaks && !c.temporaryPlacementOpen && !c.mustReRecordPlacement,
  'temporary-placement-end': (c) => c.inCare && c.temporaryPlacementOpen,
  // Refused after the stay's first day up to the return (903 rules 380/383): not offered while one is open.
  'legal-status': (c) => c.inCare && !c.temporaryPlacementOpen && !c.mustReRecordPlacement,
  review: (c) => c.everInCare && !c.shortBreaks,
  plan: (c) => c.everInCare,
  'going-home-audit': (c) => c.everInCare,
  // Reg 28 visits are to a looked-after child in a placement: every period of care has one.
  visit: (c) => c.inCare,
  'missing-episode': (c) => c.inCare && !c.missingEpisodeOpen,
  'missing-episode-end': (c) => c.missingEpisodeOpen,
  allocation: () => true,
  'end-of-care': (c) => c.inCare && !c.temporaryPlacementOpen && !c.mustReRecordPlacement,
  'adoption-decision': (c) => c.inCare && !c.adoptionDecisionOpen,
  // A placement order makes the legal status E1: the same rule.
  'placement-order': (c) => c.inCare && c.adoptionDecisionOpen && !c.temporaryPlacementOpen,
  'adoption-consent': (c) => c.inCare && c.adoptionDecisionOpen,
  match: (c) => c.inCare && c.adoptionDecisionOpen,
  'place-for-adoption': (c) =>
    c.inCare &&
    c.adoptionDecisionOpen &&
    !c.placedForAdoption &&
    !c.temporaryPlacementOpen &&
    !c.mustReRecordPlacement,
  'adoption-order': (c) => c.inCare && c.adoptionDecisionOpen && c.placedForAdoption,
  'reverse-adoption-decision': (c) => c.inCare && c.adoptionDecisionOpen,
  'health-outcomes': (c) => c.healthOutcomesDue,
  'care-leaver-contact': (c) => c.careLeaverContactDue,
};

/** The forms the child's page offers for this journey, in the usual order. */
export function formsThatApply(events: readonly StoredJourneyEvent[], today: string): RecordForm[] {
  // Registered in error and withdrawn: the journey refuses everything (registration-retracted).
  if (events.some((e) => e.type === 'RegistrationRetracted')) return [];
  const resolved = resolveCorrections([...events]);
  const now = childNow(foldJourney(resolved), resolved, today);
  return RECORD_FORMS.filter((form) => (APPLIES[form.slug] ?? (() => true))(now));
}
