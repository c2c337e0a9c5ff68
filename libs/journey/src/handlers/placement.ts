import type { ChangePlacement } from '../commands';
import type { JourneyEvent } from '../events';
import { requireCode } from '../invariants/codes';
import { placementMustMoveForward } from '../invariants/episodes';
import { requireBoolean } from '../invariants/fields';
import { mustBeInCurrentPeriod } from '../invariants/period-of-care';
import { checkOrdinaryPlacement } from '../invariants/placement';
import { shortBreakNotInLongTermFoster } from '../invariants/short-break-placement';
import { currentPlacementEndedByRegistration } from '../invariants/supported-accommodation';
import { noTemporaryPlacementOpen } from '../invariants/temporary-placement';
import { legalStatusOn } from '../queries';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';
import { custodyOnlyFromTen } from '../invariants/custody-reason';
import { reasonAgreesWithCarer } from '../invariants/reason-and-carer';

export function changePlacement(command: ChangePlacement, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, 'placement');
  noTemporaryPlacementOpen(state, 'change placement');
  placementMustMoveForward(state, date);
  currentPlacementEndedByRegistration(state, date, false, command.placement);
  checkOrdinaryPlacement(state, command.placement, date, command.asReturned === true);
  const legalStatus = legalStatusOn(state, date)?.legalStatus;
  shortBreakNotInLongTermFoster(legalStatus, command.placement.placementType, 'placement.placementType');
  requireCode(
    'REASON_PLACE_CHANGE',
    command.reasonForChange,
    date,
    'reasonForChange',
    'invalid-reason-for-change',
  );
  requireBoolean(command.sameCarer, 'sameCarer');
  reasonAgreesWithCarer(command.reasonForChange, command.sameCarer);
  custodyOnlyFromTen(state, command.reasonForChange);
  const data = dataOf(command);
  // `asReturned` says where the command came from, not what happened: not part of the entry
  // (deleted, not copied without it: only the import sets it, a command pays nothing).
  if (data.asReturned !== undefined) delete data.asReturned;
  return [{ type: 'PlacementChanged', data }];
}
