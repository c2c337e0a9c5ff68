import type { EndPeriodOfCare, StartPeriodOfCare } from '../commands';
import type { JourneyEvent } from '../events';
import { requireCode } from '../invariants/codes';
import {
  endNotBeforeLastEvent,
  mustBeInCurrentPeriod,
  mustNotBeInCare,
  mustStartAfterLastPeriod,
} from '../invariants/period-of-care';
import { endMustCloseAnEpisode } from '../invariants/episodes';
import {
  e17NeedsAge18,
  e8NotForTurning18,
  independentLivingNeedsAge14,
  notAnAdoptionEnding,
  notContinuingCare,
  sgoToFosterCarerNeedsFosterPlacement,
} from '../invariants/end-of-care';
import { shortBreaksOneKindPerYear, youthJusticeNotUnder10 } from '../invariants/legal-status';
import { checkOrdinaryPlacement } from '../invariants/placement';
import { shortBreakNotInLongTermFoster } from '../invariants/short-break-placement';
import { checkPreviousPermanence } from '../invariants/previous-permanence';
import { currentPlacementEndedByRegistration } from '../invariants/supported-accommodation';
import { noTemporaryPlacementOpen, temporaryCannotStartCare } from '../invariants/temporary-placement';
import { legalStatusEndsWithinLimit } from '../invariants/time-limits';
import { un1OnlyBelowSchoolAge } from '../invariants/unknown-upn';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

export function startPeriodOfCare(command: StartPeriodOfCare, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustNotBeInCare(state);
  mustStartAfterLastPeriod(state, date);
  if (state.child)
    un1OnlyBelowSchoolAge(state.child.upn, state.child.dateOfBirth, date, 'this start of care');
  const legalStatus = requireCode('LS', command.legalStatus, date, 'legalStatus', 'invalid-legal-status');
  youthJusticeNotUnder10(state, legalStatus, date);
  shortBreaksOneKindPerYear(state, legalStatus, date);
  requireCode('CIN', command.categoryOfNeed, date, 'categoryOfNeed', 'invalid-category-of-need');
  temporaryCannotStartCare(command.placement?.placementType);
  checkOrdinaryPlacement(state, command.placement, date, command.asReturned === true);
  shortBreakNotInLongTermFoster(legalStatus, command.placement?.placementType, 'placement.placementType');
  if (command.previousPermanence !== undefined) {
    requireCode(
      'PREV_PERM',
      command.previousPermanence.code,
      date,
      'previousPermanence.code',
      'invalid-previous-permanence',
    );
    checkPreviousPermanence(state, command.previousPermanence, date);
  }
  const data = dataOf(command);
  // `asReturned` says where the command came from, not what happened: not part of the entry
  // (deleted, not copied without it: only the import sets it, a command pays nothing).
  if (data.asReturned !== undefined) delete data.asReturned;
  return [{ type: 'PeriodOfCareStarted', data }];
}

/** Shared by EndPeriodOfCare and GrantAdoptionOrder: may care end on this date? */
export function checkCareCanEnd(state: JourneyState, date: string): void {
  mustBeInCurrentPeriod(state, date, 'end-of-care');
  noTemporaryPlacementOpen(state, 'end care');
  endNotBeforeLastEvent(state, date);
  endMustCloseAnEpisode(state, date);
  legalStatusEndsWithinLimit(state, date, 'the end of care');
  currentPlacementEndedByRegistration(state, date, false);
}

export function endPeriodOfCare(command: EndPeriodOfCare, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  checkCareCanEnd(state, date);
  const reason = requireCode('REC', command.reason, date, 'reason', 'invalid-reason-episode-ceased');
  notContinuingCare(reason);
  notAnAdoptionEnding(reason);
  sgoToFosterCarerNeedsFosterPlacement(state, reason);
  e17NeedsAge18(state, reason, date);
  independentLivingNeedsAge14(state, reason, date);
  e8NotForTurning18(state, reason, date, command.asReturned === true);
  // `asReturned` says where the command came from, not what happened: not part of the entry.
  const { asReturned: _asReturned, ...data } = dataOf(command);
  return [{ type: 'PeriodOfCareEnded', data }];
}
