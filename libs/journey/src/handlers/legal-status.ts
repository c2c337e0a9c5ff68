import type { ChangeLegalStatus } from '../commands';
import type { JourneyEvent } from '../events';
import { requireCode } from '../invariants/codes';
import { legalStatusMustMoveForward } from '../invariants/episodes';
import {
  legalStatusMustChange,
  placementOrderViaGrant,
  shortBreaksOneKindPerYear,
  youthJusticeNotUnder10,
} from '../invariants/legal-status';
import { mustBeInCurrentPeriod } from '../invariants/period-of-care';
import { currentPlacementEndedByRegistration } from '../invariants/supported-accommodation';
import { shortBreakNotInLongTermFoster } from '../invariants/short-break-placement';
import { noShortBreaksInTemporaryPlacement } from '../invariants/short-breaks';
import { noLegalStatusChangeInTemporaryPlacement } from '../invariants/temporary-placement';
import { legalStatusEndsWithinLimit } from '../invariants/time-limits';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

export function changeLegalStatus(command: ChangeLegalStatus, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, 'legal-status');
  legalStatusMustMoveForward(state, date);
  const legalStatus = requireCode('LS', command.legalStatus, date, 'legalStatus', 'invalid-legal-status');
  placementOrderViaGrant(legalStatus);
  legalStatusMustChange(state, legalStatus);
  legalStatusEndsWithinLimit(state, date, `the change to ${legalStatus}`);
  youthJusticeNotUnder10(state, legalStatus, date);
  shortBreaksOneKindPerYear(state, legalStatus, date);
  // In a temporary placement, the child goes back to the usual one under this legal status.
  const placement = state.usualPlacement ?? state.currentPlacement;
  shortBreakNotInLongTermFoster(legalStatus, placement?.placementType, 'legalStatus');
  noShortBreaksInTemporaryPlacement(state, legalStatus);
  currentPlacementEndedByRegistration(state, date, true);
  // Last: a short-break code's own refusal (above) says more than the 903 episode rule.
  noLegalStatusChangeInTemporaryPlacement(state, date);
  return [{ type: 'LegalStatusChanged', data: dataOf(command) }];
}
