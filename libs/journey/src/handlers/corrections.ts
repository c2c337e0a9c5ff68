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
  keepsFieldRules,
  onlyFieldsOfEntry,
  registrationNotRetracted,
} from '../invariants/corrections';
import { changesSomething } from '../invariants/amendment-changes';
import { episodeConflicts } from '../invariants/episode-conflicts';
import { keepsStoredFosteringForAdoptionType } from '../invariants/adoption-placement';
import { notAfterRecording } from '../invariants/dates';
import { requireDate, requireRecording, requireText } from '../invariants/fields';
import { mustBeRegistered, mustBeSameChild } from '../invariants/registration';
import { dateOfInstant } from '../england-time';
import { currentSchemaVersion } from '../event-schema';
import {
  capitalised,
  entriesInWords,
  entryInWords,
  otherEntryFailureInWords,
} from './corrections-other-entry';
import { foldJourney } from '../evolve';
import { historyOf } from '../fold/journey-log';
import { type DecideFn, failingEntries, newFailures } from '../journey-check';
import { resolveCorrections } from '../resolve-corrections';
import type { JourneyState } from '../state';

function checkCorrectionCommand(command: AmendEntry | RetractEntry, state: JourneyState): void {
  requireRecording(command.now, command.recordedBy);
  mustBeRegistered(state);
  mustBeSameChild(state, command.childId);
  requireText(command.reason, 'reason');
}

/** The correction with only `field` sent (its value as sent, or `value`). */
type AmendedAlone = (field: string, value?: unknown) => JourneyEvent;

/** The journey's resolved entries with `corrections` added to its history. */
function resolvedWith(
  state: JourneyState,
  command: AmendEntry | RetractEntry,
  corrections: readonly JourneyEvent[],
): StoredJourneyEvent[] {
  const candidates = corrections.map(
    (correction) =>
      ({
        ...correction,
        id: '(this correction)',
        recordedAt: command.now,
        recordedBy: command.recordedBy,
      }) as StoredJourneyEvent,
  );
  return resolveCorrections([...historyOf(state), ...candidates]);
}

/** The failures the journey has with `corrections` added to its history. */
function failuresWith(
  decide: DecideFn,
  state: JourneyState,
  command: AmendEntry | RetractEntry,
  ...corrections: JourneyEvent[]
): ReturnType<typeof failingEntries> {
  return failingEntries(decide, resolvedWith(state, command, corrections), command.now);
}

/**
 * The 903 episode conflicts (same-day re-entry, legal status change in a temporary placement) the
 * corrected journey has and the journey had not, that its replay did not already name: an entry's
 * earlier failure hides them there.
 */
function newEpisodeConflicts(
  state: JourneyState,
  resolvedAfter: readonly StoredJourneyEvent[],
  replayed: ReturnType<typeof failingEntries>,
): [string, DomainRuleViolation][] {
  const found = newFailures(episodeConflicts(state), episodeConflicts(foldJourney(resolvedAfter)));
  return found.filter(([id, conflict]) => replayed.get(id)?.rule !== conflict.rule);
}

/**
 * The field of `amendedData` the refusal is about: one the user sent. A rule comparing two fields
 * names the one it checks (the registration's rule names effectiveDate against dateOfBirth), which
 * may not be the one amended, and a rule broken on another entry names that entry's field: then
 * each sent field is tried alone, and the first that alone breaks the same rule on the same entry
 * is named. Failing that, the rule's field on the corrected entry, or nothing on another entry.
 */
function amendedFieldAtFault(
  decide: DecideFn,
  state: JourneyState,
  command: AmendEntry,
  failingId: string,
  failure: DomainRuleViolation,
  amendedAlone: AmendedAlone,
): string | undefined {
  const name = sentFieldAtFault(decide, state, command, failingId, failure, amendedAlone);
  return name === undefined || name.includes('.')
    ? name
    : partAtFault(decide, state, command, name, failingId, failure, amendedAlone);
}

function sentFieldAtFault(
  decide: DecideFn,
  state: JourneyState,
  command: AmendEntry,
  failingId: string,
  failure: DomainRuleViolation,
  amendedAlone: AmendedAlone,
): string | undefined {
  const sent = Object.keys(command.amendedData).filter((key) => key !== 'childId');
  const onTarget = failingId === command.correctedEventId;
  // Another entry's rule names that entry's field, never one of the amended entry's.
  const checked = onTarget ? failure.field?.split('.')[0] : undefined;
  const unfound = onTarget ? failure.field : undefined;
  // One field sent: the failure is new, so it is that field's doing.
  if (sent.length === 1) return sent[0] === checked ? failure.field : sent[0];
  const breaksAlone = (field: string): boolean =>
    failuresWith(decide, state, command, amendedAlone(field)).get(failingId)?.rule === failure.rule;
  const tryFirst = sent.filter((key) => key === checked);
  const found = [...tryFirst, ...sent.filter((key) => key !== checked)].find(breaksAlone);
  if (found === undefined) return unfound;
  return found === checked ? failure.field : found;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A field sent as a whole object (a placement, which a form sends whole) names the part of it at
 * fault: the one part changed from the entry, or the first changed part that alone breaks the same
 * rule on the same entry ("placement.placementType"), so a form shows the refusal beside it.
 */
function partAtFault(
  decide: DecideFn,
  state: JourneyState,
  command: AmendEntry,
  field: string,
  failingId: string,
  failure: DomainRuleViolation,
  amendedAlone: AmendedAlone,
): string {
  const sent = command.amendedData[field];
  if (!isPlainObject(sent)) return field;
  const entry = resolveCorrections(historyOf(state)).find((event) => event.id === command.correctedEventId);
  const recordedValue = (entry?.data as Record<string, unknown> | undefined)?.[field];
  const recorded = isPlainObject(recordedValue) ? recordedValue : {};
  const changed = Object.keys(sent).filter(
    (key) => JSON.stringify(sent[key]) !== JSON.stringify(recorded[key]),
  );
  if (changed.length === 1) return `${field}.${changed[0]}`;
  const alone = changed.find(
    (key) =>
      failuresWith(decide, state, command, amendedAlone(field, { ...recorded, [key]: sent[key] })).get(
        failingId,
      )?.rule === failure.rule,
  );
  return alone === undefined ? field : `${field}.${alone}`;
}

/** The value sent at a path of `amendedData` (`placement.placementType`). */
function sentAt(amendedData: Record<string, unknown>, path: string): unknown {
  let node: unknown = amendedData;
  for (const key of path.split('.')) node = isPlainObject(node) ? node[key] : undefined;
  return node;
}

/** A sentence ends with a full stop unless it has one already. */
const ended = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Replays the journey with `correction` added; throws the first new failure it causes. */
function mustKeepJourneyValid(
  decide: DecideFn,
  state: JourneyState,
  correction: JourneyEvent,
  command: AmendEntry | RetractEntry,
  targetId: string,
  amendedAlone?: AmendedAlone,
): void {
  const before = failingEntries(decide, resolveCorrections(historyOf(state)), command.now);
  const resolvedAfter = resolvedWith(state, command, [correction]);
  const after = failingEntries(decide, resolvedAfter, command.now);
  const found = [...newFailures(before, after), ...newEpisodeConflicts(state, resolvedAfter, after)];
  if (found.length === 0) return;
  const [id, failure] = found[0];
  const field =
    command.type === 'AmendEntry' && amendedAlone
      ? amendedFieldAtFault(decide, state, command, id, failure, amendedAlone)
      : undefined;
  const refusal = (message: string, entries?: readonly string[]): DomainRuleViolation =>
    new DomainRuleViolation(
      failure.rule,
      message,
      field === undefined ? undefined : `amendedData.${field}`,
      entries,
    );
  const resolved = resolveCorrections(historyOf(state));
  const entryOf = (entryId: string) => resolved.find((event) => event.id === entryId);
  const target = entryOf(targetId);
  // Named in words, never by id (the API's body carries the ids): "The start of care on 5 January 2026 …".
  const refused = `${capitalised(target ? entryInWords(target) : 'this entry')} ${
    command.type === 'AmendEntry' ? 'cannot be corrected like this' : 'cannot be withdrawn'
  }`;
  const cause = (name: string): string =>
    `with amendedData.${name} ${JSON.stringify(sentAt((command as AmendEntry).amendedData, name))}`;
  if (id !== targetId) {
    // Other entries break: say which, in words, which field sent does it, and what to do first.
    const other = entryOf(id);
    const what = other ? otherEntryFailureInWords(other, failure) : failure.message;
    const blocking = found.map(([entryId]) => entryId).filter((entryId) => entryId !== targetId);
    const blockingEntries = blocking.map(entryOf).filter((entry) => entry !== undefined);
    const [them, they] = blockingEntries.length > 1 ? ['them', 'they'] : ['it', 'it'];
    const nextStep =
      command.type === 'AmendEntry'
        ? `Check the answer, or first correct or withdraw ${entriesInWords(blockingEntries)}.`
        : `Withdraw ${entriesInWords(blockingEntries)} first, or correct ${them} if ${they} should stay.`;
    throw refusal(
      `${refused}: ${field === undefined ? '' : `${cause(field)}, `}${ended(what)} ${blockingEntries.length > 0 ? nextStep : ''}`.trimEnd(),
      blocking,
    );
  }
  if (field !== undefined && field !== failure.field) {
    // The rule's own text names the field it checks; say which field sent breaks it.
    throw refusal(`${refused}: ${cause(field)}, ${failure.message}`);
  }
  throw refusal(`${refused}: ${failure.message}`);
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
  keepsFieldRules(target, amendedData);
  const stored = resolveCorrections(historyOf(state)).find((entry) => entry.id === command.correctedEventId);
  changesSomething(stored, amendedData);
  if (stored?.type === 'PlacedForAdoption')
    keepsStoredFosteringForAdoptionType(stored.data.placement, amendedData['placement']);
  const effectiveDate = requireDate(
    amendedData['effectiveDate'] ?? target.effectiveDate,
    'amendedData.effectiveDate',
  );
  notAfterRecording(effectiveDate, dateOfInstant(command.now), 'amendedData.effectiveDate');
  const amendedVersion = currentSchemaVersion(target.type);
  const event: JourneyEvent = {
    type: 'EntryAmended',
    data: {
      childId: command.childId,
      effectiveDate,
      correctedEventId: command.correctedEventId,
      reason: command.reason,
      amendedData,
      // The version amendedData is written at (absent means 1: see EntryAmended in events.ts).
      ...(amendedVersion > 1 && { amendedSchemaVersion: amendedVersion }),
    },
  };
  // The correction with only one of the fields sent (to name the one a refusal is about).
  const amendedAlone: AmendedAlone = (field, value = amendedData[field]) => ({
    type: 'EntryAmended',
    data: {
      ...event.data,
      effectiveDate: field === 'effectiveDate' ? effectiveDate : target.effectiveDate,
      amendedData: { [field]: value },
    },
  });
  mustKeepJourneyValid(decide, state, event, command, command.correctedEventId, amendedAlone);
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
