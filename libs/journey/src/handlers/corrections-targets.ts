/**
 * What the layers around the decider need to know about an amendment before it is recorded: the
 * type of the entry it corrects (its field rules are that entry's own), and the 903 reference an
 * amended registration gives the child (it must be reserved like a registration's).
 */
import type { JourneyEvent, JourneyEventType } from '../events';
import type { ChildRefReservedData } from '../child-ref';
import { eventRecord } from '../fold/journey-log';
import { isCorrection } from '../resolve-corrections';
import type { JourneyState } from '../state';

/**
 * The type of the live entry `eventId` names, when it is one an amendment may correct; undefined
 * otherwise (unknown, retracted or itself a correction: the decider refuses those, naming why).
 */
export function amendableEntryType(state: JourneyState, eventId: unknown): JourneyEventType | undefined {
  const record = typeof eventId === 'string' ? eventRecord(state, eventId) : undefined;
  if (!record || record.retracted || isCorrection(record)) return undefined;
  return record.type;
}

/**
 * The reference and child of an amendment, among decided events, that gives the registration a
 * 903 reference (`amendedData.childRef`); undefined when there is none. `state` is the journey the
 * events were decided on.
 */
export function childRefAmendedIn(
  events: readonly JourneyEvent[],
  state: JourneyState,
): ChildRefReservedData | undefined {
  for (const event of events) {
    if (event.type !== 'EntryAmended') continue;
    const { childRef } = event.data.amendedData;
    if (typeof childRef !== 'string') continue;
    if (amendableEntryType(state, event.data.correctedEventId) !== 'ChildRegistered') continue;
    return { childRef, childId: event.data.childId };
  }
  return undefined;
}
