import { resolveCorrections, type StoredJourneyEvent } from '@care-journey/journey';
import { entryDetails } from '../child/entry-details';
import { eventLabel } from '../child/event-labels';
import { formatDate } from '../html/format';
import {
  AMENDED,
  amendFormFor,
  amendValues,
  isCorrectable,
  valueAt,
  type CorrectableEntryType,
} from './correction-forms';
import type { FormField, RecordForm } from './form-definitions';
import { formOnDate } from './form-on-date';

export type CorrectableEntry = StoredJourneyEvent & { type: CorrectableEntryType };

/**
 * The live entry `entryId` names, as it stands after earlier corrections: among the first
 * `revision + 1` events when a revision is given (the journey the form was opened on, so the same
 * form sent again is the same command), else the whole journey. Undefined when there is no such
 * entry that the page lets one correct (unknown, withdrawn, a correction or the registration).
 */
export function correctableEntry(
  events: readonly StoredJourneyEvent[],
  entryId: unknown,
  revision?: bigint,
): CorrectableEntry | undefined {
  if (typeof entryId !== 'string') return undefined;
  const known = revision === undefined ? events : events.slice(0, Number(revision) + 1);
  const entry = resolveCorrections([...known]).find((e) => e.id === entryId);
  return entry && isCorrectable(entry) ? entry : undefined;
}

/**
 * The correction form for one entry. An amendment is filled in on the entry's own fields, with the
 * codes in force on the entry's date (the journey judges a code on the entry's date).
 */
export function correctionFormFor(base: RecordForm, entry: CorrectableEntry): RecordForm {
  if (base.command !== 'AmendEntry') return base;
  const form = formOnDate(amendFormFor(base, entry), entry.data.effectiveDate);
  return { ...form, fields: form.fields.map((field) => keepingRecordedCode(field, entry)) };
}

/**
 * A code list still offers the code the entry holds, even one the form does not record (an
 * adoption's E11 ending), so leaving it unchanged never reads as a blank.
 */
function keepingRecordedCode(field: FormField, entry: CorrectableEntry): FormField {
  if (field.kind !== 'code' || !field.only) return field;
  const recorded = valueAt(
    entry.data as unknown as Record<string, unknown>,
    field.name.slice(AMENDED.length),
  );
  if (typeof recorded !== 'string' || field.only.includes(recorded)) return field;
  return { ...field, only: [...field.only, recorded] };
}

/** What the correction form starts with: an amendment, the entry's answers as they stand. */
export const correctionValues = (form: RecordForm, entry: CorrectableEntry): Record<string, string> =>
  form.command === 'AmendEntry' ? amendValues(form, entry) : {};

/** The entry in the words of the child's page: what, when, and its details. */
export function describeEntry(entry: StoredJourneyEvent): string {
  const details = entryDetails(entry);
  return `${eventLabel(entry.type)}, ${formatDate(entry.data.effectiveDate)}${details ? `: ${details}` : ''}`;
}
