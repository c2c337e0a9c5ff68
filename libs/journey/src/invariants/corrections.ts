/** A correction points at a live, non-correction entry of this journey. */
import { amendedFieldErrors } from '../amendment-field-rules';
import { isFieldOf } from '../entry-fields';
import { capitalised, entryInWords } from '../handlers/corrections-other-entry';
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
  // In words, not by id: the web form shows these to the person correcting (the id is in `field`'s value).
  const words = capitalised(
    entryInWords({ type: record.type, data: { effectiveDate: record.effectiveDate } }),
  );
  if (isCorrection(record))
    return violation(
      'cannot-correct-a-correction',
      `${words} is itself a correction; correct the original entry instead.`,
      field,
    );
  if (record.retracted)
    return violation('correction-target-retracted', `${words} has been withdrawn.`, field);
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

/** An amendment is laid over the entry it corrects, so it may give only that entry's own fields. */
export function onlyFieldsOfEntry(record: EventRecord, amendedData: Record<string, unknown>): void {
  for (const field of Object.keys(amendedData))
    if (!isFieldOf(record.type, field))
      violation(
        'not-a-field-of-the-entry',
        `amendedData.${field} is not a field of ${record.type}: an amendment gives only the corrected entry's own fields.`,
        `amendedData.${field}`,
      );
}

/**
 * Each field an amendment gives keeps the entry's field rules (amendment-field-rules.ts): a part of
 * a placement the entry does not hold, no value where it always holds one, or a value of another
 * kind is refused, naming the first such field; the values themselves are the replay's to check.
 */
export function keepsFieldRules(record: EventRecord, amendedData: Record<string, unknown>): void {
  const [first] = amendedFieldErrors(record.type, amendedData);
  if (first) violation(first.rule, first.message, first.field);
}

export function registrationNotRetracted(record: EventRecord): void {
  if (record.type === 'ChildRegistered') {
    violation(
      'cannot-retract-registration',
      "The child's registration cannot be withdrawn as an entry; amend it instead (a child registered " +
        'in error, with nothing else recorded, is withdrawn by an admin: RetractRegistration).',
      'retractedEventId',
    );
  }
}
