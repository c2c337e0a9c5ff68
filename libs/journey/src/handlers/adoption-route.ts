/** The steps before a move-in: decision, authority to place (order or consent), match, and reversal. */
import type {
  GrantPlacementOrder,
  RecordAdoptionConsent,
  RecordAdoptionDecision,
  RecordMatch,
  ReverseAdoptionDecision,
} from '../commands';
import type { JourneyEvent } from '../events';
import {
  consentNotBeforeSixWeeks,
  consentNotYetRecorded,
  needsAuthorityToPlace,
  notAlreadyMatched,
  placementOrderNotYetGranted,
} from '../invariants/adoption-authority';
import {
  needsOpenAdoptionDecision,
  noOpenAdoptionDecision,
  notBeforeStep,
} from '../invariants/adoption-decision';
import { requireCode } from '../invariants/codes';
import { legalStatusMustMoveForward, placementOrderNotOnLegalStatusDay } from '../invariants/episodes';
import { mustBeInCurrentPeriod } from '../invariants/period-of-care';
import { currentPlacementEndedByRegistration } from '../invariants/supported-accommodation';
import { noLegalStatusChangeInTemporaryPlacement } from '../invariants/temporary-placement';
import { legalStatusEndsWithinLimit } from '../invariants/time-limits';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

const STEP = 'adoption-step';

export function recordAdoptionDecision(command: RecordAdoptionDecision, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, STEP);
  noOpenAdoptionDecision(state);
  notBeforeStep(date, state.adoption.reversed?.date, 'previous decision was reversed');
  return [{ type: 'AdoptionDecisionMade', data: dataOf(command) }];
}

/** The court's authority to place; it also makes the legal status E1, a new episode. */
export function grantPlacementOrder(command: GrantPlacementOrder, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, STEP);
  const decisionDate = needsOpenAdoptionDecision(
    state,
    'placement-order-needs-adoption-decision',
    'A placement order',
  );
  notBeforeStep(date, decisionDate, 'adoption decision');
  placementOrderNotYetGranted(state);
  requireCode('LS', 'E1', date, 'effectiveDate', 'invalid-legal-status');
  placementOrderNotOnLegalStatusDay(state, date);
  legalStatusMustMoveForward(state, date);
  noLegalStatusChangeInTemporaryPlacement(state, date);
  legalStatusEndsWithinLimit(state, date, 'the placement order (E1)');
  currentPlacementEndedByRegistration(state, date, true);
  return [{ type: 'PlacementOrderGranted', data: dataOf(command) }];
}

export function recordAdoptionConsent(command: RecordAdoptionConsent, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, STEP);
  consentNotBeforeSixWeeks(state, date);
  consentNotYetRecorded(state);
  return [{ type: 'AdoptionConsentGiven', data: dataOf(command) }];
}

export function reverseAdoptionDecision(
  command: ReverseAdoptionDecision,
  state: JourneyState,
): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, STEP);
  const decisionDate = needsOpenAdoptionDecision(state, 'no-open-adoption-decision', 'A reversal');
  notBeforeStep(date, decisionDate, 'adoption decision');
  requireCode('REASON_PLACED_CEASED', command.reason, date, 'reason', 'invalid-reversal-reason');
  return [{ type: 'AdoptionDecisionReversed', data: dataOf(command) }];
}

export function recordMatch(command: RecordMatch, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, STEP);
  const decisionDate = needsOpenAdoptionDecision(state, 'match-needs-adoption-decision', 'A match');
  notBeforeStep(date, decisionDate, 'adoption decision');
  needsAuthorityToPlace(state, date);
  notAlreadyMatched(state);
  return [{ type: 'MatchedWithAdopters', data: dataOf(command) }];
}
