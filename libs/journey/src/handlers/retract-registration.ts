/**
 * "Registered in error": an admin withdraws a registration that nothing else was recorded on (a
 * child registered twice, a mistaken entry). The stream keeps it (append-only); read through, the
 * journey is empty, so lists, drift, measures and the 903 return no longer see the child.
 */
import type { RetractRegistration } from '../commands';
import type { JourneyEvent } from '../events';
import { onlyTheRegistration } from '../invariants/registration-retraction';
import { requireRecording, requireText } from '../invariants/fields';
import { mustBeRegistered, mustBeSameChild } from '../invariants/registration';
import type { JourneyState } from '../state';

export function retractRegistration(command: RetractRegistration, state: JourneyState): JourneyEvent[] {
  requireRecording(command.now, command.recordedBy);
  mustBeRegistered(state);
  mustBeSameChild(state, command.childId);
  requireText(command.reason, 'reason');
  const registration = onlyTheRegistration(state);
  return [
    {
      type: 'RegistrationRetracted',
      data: {
        childId: command.childId,
        effectiveDate: registration.data.effectiveDate,
        retractedEventId: registration.id,
        reason: command.reason,
      },
    },
  ];
}
