import type { EndTemporaryPlacement, StartTemporaryPlacement } from '../commands';
import type { JourneyEvent } from '../events';
import { isTemporaryPlacement } from '../code-groups';
import { violation } from '../errors';
import { placementMustMoveForward } from '../invariants/episodes';
import { mustBeInCurrentPeriod } from '../invariants/period-of-care';
import { noTemporaryPlacementForShortBreaks } from '../invariants/short-breaks';
import {
  currentPlacementEndedByRegistration,
  placementAllowedOn,
} from '../invariants/supported-accommodation';
import { placementAgeAllowed } from '../invariants/placement-age';
import { placementOnReturn } from '../invariants/withdrawn-placement-types';
import {
  mustHaveTemporaryOpen,
  mustNotHaveTemporaryOpen,
  noLegalStatusChangeAfterTemporaryStart,
} from '../invariants/temporary-placement';
import { atMostTwoT3In12Months, temporaryPlacementEndsWithinLimit } from '../invariants/time-limits';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

export function startTemporaryPlacement(
  command: StartTemporaryPlacement,
  state: JourneyState,
): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, 'placement');
  if (!isTemporaryPlacement(command.placementType)) {
    violation(
      'invalid-placement-type',
      `placementType ${JSON.stringify(command.placementType)} is not a temporary placement (T0–T4).`,
      'placementType',
    );
  }
  noTemporaryPlacementForShortBreaks(state, date);
  atMostTwoT3In12Months(state, command.placementType, date);
  mustNotHaveTemporaryOpen(state);
  placementMustMoveForward(state, date);
  noLegalStatusChangeAfterTemporaryStart(state, date);
  currentPlacementEndedByRegistration(state, date, false);
  return [{ type: 'TemporaryPlacementStarted', data: dataOf(command) }];
}

/** The return to the usual placement: a new episode, so not on the day the temporary one began. */
export function endTemporaryPlacement(command: EndTemporaryPlacement, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, 'placement');
  mustHaveTemporaryOpen(state);
  placementMustMoveForward(state, date);
  temporaryPlacementEndsWithinLimit(state, date);
  // Going back starts a new episode in the usual placement (or the same setting re-recorded in the
  // type that replaced it while the child was away), checked as if it began that day.
  if (state.usualPlacement) {
    const back = placementOnReturn(state.usualPlacement, date, command.reRecordedAs);
    placementAllowedOn(back, date, 'effectiveDate');
    // The age rule too (H5/P2/K3 16+): the re-recorded type is the field at fault, else the date.
    const field = command.reRecordedAs === undefined ? 'effectiveDate' : 'reRecordedAs';
    placementAgeAllowed(state, back.placementType, date, field);
  } else if (command.reRecordedAs !== undefined)
    violation(
      'return-re-recorded-only-for-withdrawn-type',
      'reRecordedAs needs a usual placement to go back to.',
      'reRecordedAs',
    );
  return [{ type: 'TemporaryPlacementEnded', data: dataOf(command) }];
}
