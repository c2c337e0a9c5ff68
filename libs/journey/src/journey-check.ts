/**
 * Re-checks a whole journey by replaying its resolved entries, in the order of the child's life,
 * through decide. A correction is accepted only if it adds no new failure: old data that already
 * broke a rule (e.g. imported history) must not block the correction that fixes something else.
 */
import type { JourneyCommand } from './commands';
import { DomainRuleViolation } from './errors';
import type { JourneyEvent, StoredJourneyEvent } from './events';
import { evolve } from './evolve';
import { checkStoredFosteringForAdoption } from './handlers/adoption-placement';
import { isStoredFosteringForAdoption } from './invariants/adoption-placement';
import { lookedAfterOnlyUnder18 } from './invariants/looked-after-age';
import { sortByEffectiveDate } from './resolve-corrections';
import { initialState, type JourneyState } from './state';

export type DecideFn = (command: JourneyCommand, state: JourneyState) => JourneyEvent[];

const COMMAND_FOR: Record<
  Exclude<JourneyEvent['type'], 'EntryAmended' | 'EntryRetracted' | 'RegistrationRetracted'>,
  JourneyCommand['type']
> = {
  ChildRegistered: 'RegisterChild',
  AllocationChanged: 'ChangeAllocation',
  PeriodOfCareStarted: 'StartPeriodOfCare',
  LegalStatusChanged: 'ChangeLegalStatus',
  PlacementChanged: 'ChangePlacement',
  TemporaryPlacementStarted: 'StartTemporaryPlacement',
  TemporaryPlacementEnded: 'EndTemporaryPlacement',
  StatutoryReviewHeld: 'RecordReview',
  PermanencePlanSet: 'SetPermanencePlan',
  GoingHomeAuditCompleted: 'CompleteGoingHomeAudit',
  StatutoryVisitRecorded: 'RecordStatutoryVisit',
  AdoptionDecisionMade: 'RecordAdoptionDecision',
  PlacementOrderGranted: 'GrantPlacementOrder',
  AdoptionConsentGiven: 'RecordAdoptionConsent',
  AdoptionDecisionReversed: 'ReverseAdoptionDecision',
  MatchedWithAdopters: 'RecordMatch',
  PlacedForAdoption: 'PlaceForAdoption',
  AdoptionOrderGranted: 'GrantAdoptionOrder',
  MissingEpisodeStarted: 'StartMissingEpisode',
  MissingEpisodeEnded: 'EndMissingEpisode',
  PeriodOfCareEnded: 'EndPeriodOfCare',
  AnnualHealthOutcomesRecorded: 'RecordAnnualHealthOutcomes',
  CareLeaverContactRecorded: 'RecordCareLeaverContact',
};

function checkOne(decide: DecideFn, event: StoredJourneyEvent, state: JourneyState, now: string): void {
  if (
    event.type === 'EntryAmended' ||
    event.type === 'EntryRetracted' ||
    event.type === 'RegistrationRetracted'
  )
    return;
  if (event.type === 'PeriodOfCareEnded' && (event.data.reason === 'E11' || event.data.reason === 'E12')) {
    // Emitted with the adoption order, which was checked already.
    if (state.adoption.orderDate !== event.data.effectiveDate) {
      throw new DomainRuleViolation(
        'adoption-ending-only-via-adoption-order',
        `${event.data.reason} (adopted) needs an adoption order on the same day.`,
        'reason',
      );
    }
    return;
  }
  const extra = event.type === 'AdoptionOrderGranted' ? { application: 'unopposed' } : {};
  const command = {
    ...event.data,
    ...extra,
    type: COMMAND_FOR[event.type],
    now,
    recordedBy: event.recordedBy,
  } as JourneyCommand;
  if (command.type === 'PlaceForAdoption' && isStoredFosteringForAdoption(command.placement)) {
    // A stored U2/U5 entry keeps its type; its other rules still hold (decide's, then the age limit).
    checkStoredFosteringForAdoption(command, state);
    lookedAfterOnlyUnder18(command, state);
    return;
  }
  decide(command, state);
}

/** The entries that break a rule when the journey is replayed, by event id. */
export function failingEntries(
  decide: DecideFn,
  resolved: readonly StoredJourneyEvent[],
  now: string,
): Map<string, DomainRuleViolation> {
  const failures = new Map<string, DomainRuleViolation>();
  let state = initialState;
  for (const event of sortByEffectiveDate(resolved)) {
    try {
      checkOne(decide, event, state, now);
    } catch (error) {
      if (!(error instanceof DomainRuleViolation)) throw error;
      failures.set(event.id, error);
    }
    state = evolve(state, event);
  }
  return failures;
}

/** Every failure in `after` that `before` did not have (same entry, same rule), in the journey's order. */
export function newFailures(
  before: Map<string, DomainRuleViolation>,
  after: Map<string, DomainRuleViolation>,
): [string, DomainRuleViolation][] {
  return [...after].filter(([id, failure]) => before.get(id)?.rule !== failure.rule);
}
