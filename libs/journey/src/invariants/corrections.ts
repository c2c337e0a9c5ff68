/** A correction points at a live, non-correction entry of this journey. */
import { violation } from '../errors';
import { eventRecord } from '../fold/journey-log';
import { isCorrection } from '../resolve-corrections';
import type { EventRecord, JourneyState } from '../state';

export function correctableEntry(state: JourneyState, eventId: unknown, field: string): EventRecord {
  const record = typeof eventId === 'string' ? eventRecord(state, eventId) : undefined;
  if (!record)
    return violation(
      'correction-target-unknown',
      `${field} ${JSON.stringify(eventId)} is not an entry of this child's journey.`,
      field,
    );
  if (isCorrection(record))
    return violation(
      'cannot-correct-a-correction',
      `Entry ${eventId} is itself a correction; correct the original entry instead.`,
      field,
    );
  if (record.retracted)
    return violation('correction-target-retracted', `Entry ${eventId} has been retracted.`, field);
  return record;
}

export function keepsChildId(state: JourneyState, amendedData: Record<string, unknown>): void {
  if ('childId' in amendedData && amendedData['childId'] !== state.childId) {
    violation(
      'correction-cannot-change-child-id',
      "A correction cannot change the child's id.",
      'amendedData.childId',
    );
  }
}

export function registrationNotRetracted(record: EventRecord): void {
  if (record.type === 'ChildRegistered') {
    violation(
      'cannot-retract-registration',
      "The child's registration cannot be retracted; amend it instead.",
      'retractedEventId',
    );
  }
}
