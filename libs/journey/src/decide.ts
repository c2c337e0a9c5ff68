/**
 * decide(command, state): the events a command produces, or a DomainRuleViolation. Pure: no ids
 * (the application layer gives each event a uuid), no clock (`command.now` is the recording time).
 */
import type { JourneyCommand } from './commands';
import type { JourneyEvent } from './events';
import { grantAdoptionOrder, placeForAdoption } from './handlers/adoption-placement';
import {
  grantPlacementOrder,
  recordAdoptionConsent,
  recordAdoptionDecision,
  recordMatch,
  reverseAdoptionDecision,
} from './handlers/adoption-route';
import { completeGoingHomeAudit, recordReview, setPermanencePlan } from './handlers/care-planning';
import { amendEntry, retractEntry } from './handlers/corrections';
import { changeLegalStatus } from './handlers/legal-status';
import { endMissingEpisode, startMissingEpisode } from './handlers/missing';
import { recordAnnualHealthOutcomes, recordCareLeaverContact } from './handlers/outcomes';
import { endPeriodOfCare, startPeriodOfCare } from './handlers/period-of-care';
import { changePlacement } from './handlers/placement';
import { recordStatutoryVisit } from './handlers/statutory-visit';
import { changeAllocation, registerChild } from './handlers/register-child';
import { retractRegistration } from './handlers/retract-registration';
import { endTemporaryPlacement, startTemporaryPlacement } from './handlers/temporary-placement';
import { violation } from './errors';
import { lookedAfterOnlyUnder18 } from './invariants/looked-after-age';
import type { JourneyState } from './state';

export function decide(command: JourneyCommand, state: JourneyState): JourneyEvent[] {
  const events = decideByType(command, state);
  // After the command's own rules, so a bad or future date is named as such first.
  lookedAfterOnlyUnder18(command, state);
  return events;
}

function decideByType(command: JourneyCommand, state: JourneyState): JourneyEvent[] {
  switch (command.type) {
    case 'RegisterChild':
      return registerChild(command, state);
    case 'ChangeAllocation':
      return changeAllocation(command, state);
    case 'StartPeriodOfCare':
      return startPeriodOfCare(command, state);
    case 'ChangeLegalStatus':
      return changeLegalStatus(command, state);
    case 'ChangePlacement':
      return changePlacement(command, state);
    case 'StartTemporaryPlacement':
      return startTemporaryPlacement(command, state);
    case 'EndTemporaryPlacement':
      return endTemporaryPlacement(command, state);
    case 'RecordReview':
      return recordReview(command, state);
    case 'SetPermanencePlan':
      return setPermanencePlan(command, state);
    case 'CompleteGoingHomeAudit':
      return completeGoingHomeAudit(command, state);
    case 'RecordStatutoryVisit':
      return recordStatutoryVisit(command, state);
    case 'RecordAdoptionDecision':
      return recordAdoptionDecision(command, state);
    case 'GrantPlacementOrder':
      return grantPlacementOrder(command, state);
    case 'RecordAdoptionConsent':
      return recordAdoptionConsent(command, state);
    case 'ReverseAdoptionDecision':
      return reverseAdoptionDecision(command, state);
    case 'RecordMatch':
      return recordMatch(command, state);
    case 'PlaceForAdoption':
      return placeForAdoption(command, state);
    case 'GrantAdoptionOrder':
      return grantAdoptionOrder(command, state);
    case 'StartMissingEpisode':
      return startMissingEpisode(command, state);
    case 'EndMissingEpisode':
      return endMissingEpisode(command, state);
    case 'EndPeriodOfCare':
      return endPeriodOfCare(command, state);
    case 'RecordAnnualHealthOutcomes':
      return recordAnnualHealthOutcomes(command, state);
    case 'RecordCareLeaverContact':
      return recordCareLeaverContact(command, state);
    case 'AmendEntry':
      return amendEntry(command, state, decide);
    case 'RetractEntry':
      return retractEntry(command, state, decide);
    case 'RetractRegistration':
      return retractRegistration(command, state);
    default:
      // Commands arrive from outside (JSON): an unknown type is bad input, not a crash.
      return violation(
        'unknown-command',
        `Unknown command type ${JSON.stringify((command as { type?: unknown }).type)}.`,
        'type',
      );
  }
}
