/**
 * Amend and retract: checked like the entries themselves, by replaying the journey with the
 * correction applied and refusing it if any entry would then break a rule it did not break before.
 */
import type { AmendEntry, RetractEntry } from '../commands';
import { DomainRuleViolation, violation } from '../errors';
import type { JourneyEvent, StoredJourneyEvent } from '../events';
import {
  correctableEntry,
  keepsChildId,
  onlyFieldsOfEntry,
  registrationNotRetracted,
} from '../invariants/corrections';
import { notAfterRecording } from '../invariants/dates';
import { requireDate, requireRecording, requireText } from '../invariants/fields';
import { mustBeRegistered, mustBeSameChild } from '../invariants/registration';
import { dateOfInstant } from '../england-time';
import { eventRecord, historyOf } from '../fold/journey-log';
import { type DecideFn, failingEntries, newFailure } from '../journey-check';
import { resolveCorrections } from '../resolve-corrections';
import type { JourneyState } from '../state';

function checkCorrectionCommand(command: AmendEntry | RetractEntry, state: JourneyState): void {
  requireRecording(command.now, command.recordedBy);
  mustBeRegistered(state);
  mustBeSameChild(state, command.childId);
  requireText(command.reason, 'reason');
}

/** Replays the journey with `correction` added; throws the first new failure it causes. */
function mustKeepJourneyValid(
  decide: DecideFn,
  state: JourneyState,
  correction: JourneyEvent,
  command: AmendEntry | RetractEntry,
  targetId: string,
): void {
  const candidate = {
    ...correction,
    id: '(this correction)',
    recordedAt: command.now,
    recordedBy: command.recordedBy,
  } as StoredJourneyEvent;
  const before = failingEntries(decide, resolveCorrections(historyOf(state)), command.now);
  const after = failingEntries(decide, resolveCorrections([...historyOf(state), candidate]), command.now);
  const found = newFailure(before, after);
  if (!found) return;
  const [id, failure] = found;
  const verb = command.type === 'AmendEntry' ? 'Amending' : 'Retracting';
  const where = id === targetId ? '' : ` (it would break entry ${id}, ${eventRecord(state, id)?.type})`;
  const field =
    id === targetId && failure.field && command.type === 'AmendEntry'
      ? `amendedData.${failure.field}`
      : undefined;
  throw new DomainRuleViolation(
    failure.rule,
    `${verb} entry ${targetId} is refused${where}: ${failure.message}`,
    field,
  );
}

export function amendEntry(command: AmendEntry, state: JourneyState, decide: DecideFn): JourneyEvent[] {
  checkCorrectionCommand(command, state);
  const target = correctableEntry(state, command.correctedEventId, 'correctedEventId');
  const amendedData = command.amendedData;
  if (!amendedData || typeof amendedData !== 'object' || Array.isArray(amendedData)) {
    return violation('required-field', 'amendedData must be the corrected data of the entry.', 'amendedData');
  }
  keepsChildId(state, amendedData);
  onlyFieldsOfEntry(target, amendedData);
  const effectiveDate = requireDate(
    amendedData['effectiveDate'] ?? target.effectiveDate,
    'amendedData.effectiveDate',
  );
  notAfterRecording(effectiveDate, dateOfInstant(command.now), 'amendedData.effectiveDate');
  const event: JourneyEvent = {
    type: 'EntryAmended',
    data: {
      childId: command.childId,
      effectiveDate,
      correctedEventId: command.correctedEventId,
      reason: command.reason,
      amendedData,
    },
  };
  mustKeepJourneyValid(decide, state, event, command, command.correctedEventId);
  return [event];
}

export function retractEntry(command: RetractEntry, state: JourneyState, decide: DecideFn): JourneyEvent[] {
  checkCorrectionCommand(command, state);
  const target = correctableEntry(state, command.retractedEventId, 'retractedEventId');
  registrationNotRetracted(target);
  const event: JourneyEvent = {
    type: 'EntryRetracted',
    data: {
      childId: command.childId,
      effectiveDate: target.effectiveDate,
      retractedEventId: command.retractedEventId,
      reason: command.reason,
    },
  };
  mustKeepJourneyValid(decide, state, event, command, command.retractedEventId);
  return [event];
}
