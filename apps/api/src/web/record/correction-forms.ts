import { isFieldOf, type JourneyEventType, type StoredJourneyEvent } from '@care-journey/journey';
import { AmendEntryDto, RetractEntryDto } from '../../children/dto/corrections.dto';
import { RECORD_FORMS, type FormField, type RecordForm } from './form-definitions';
import { REGISTER_CHILD_FORM } from './register-child.form';

/** The amend form names each corrected field by its path under the API's `amendedData`. */
export const AMENDED = 'amendedData.';

/** Entry types the child's page lets a social worker correct: every entry but the corrections. */
export type CorrectableEntryType = Exclude<
  JourneyEventType,
  'EntryAmended' | 'EntryRetracted' | 'RegistrationRetracted'
>;

const fieldsOf = (slug: string): readonly FormField[] =>
  RECORD_FORMS.find((f) => f.slug === slug)?.fields ?? [];

/**
 * The registration's fields, for correcting the child's details: the Register a child form's own,
 * with its date named as the child's page names it.
 */
const REGISTRATION_FIELDS: readonly FormField[] = REGISTER_CHILD_FORM.fields.map((field) => {
  if (field.name === 'effectiveDate')
    return { ...field, label: 'Date the child was registered', hint: 'For example, 2025-03-04' };
  if (field.name === 'childRef')
    return { ...field, hint: `${field.hint ?? ''}. The old reference stays with this child.` };
  return field;
});

/**
 * An allocation is corrected on text fields: the record form's choices are put in when it is shown,
 * and a correction keeps the entry's names as recorded (an allocation stored before teams were
 * checked may name one no longer configured).
 */
const ALLOCATION_FIELDS: readonly FormField[] = fieldsOf('allocation').map((field) =>
  field.kind === 'select' ? { kind: 'text', name: field.name, label: field.label, width: 20 } : field,
);

/**
 * The fields an entry of each type is filled in on: those of the record form that records it (the
 * registration's own). Keyed by every type, so a new entry type does not compile until it has them.
 */
const FIELDS_OF_ENTRY: Record<CorrectableEntryType, readonly FormField[]> = {
  ChildRegistered: REGISTRATION_FIELDS,
  AllocationChanged: ALLOCATION_FIELDS,
  PeriodOfCareStarted: fieldsOf('entry-to-care'),
  LegalStatusChanged: fieldsOf('legal-status'),
  PlacementChanged: fieldsOf('placement-change'),
  TemporaryPlacementStarted: fieldsOf('temporary-placement'),
  TemporaryPlacementEnded: fieldsOf('temporary-placement-end'),
  StatutoryReviewHeld: fieldsOf('review'),
  PermanencePlanSet: fieldsOf('plan'),
  GoingHomeAuditCompleted: fieldsOf('going-home-audit'),
  StatutoryVisitRecorded: fieldsOf('visit'),
  AdoptionDecisionMade: fieldsOf('adoption-decision'),
  PlacementOrderGranted: fieldsOf('placement-order'),
  AdoptionConsentGiven: fieldsOf('adoption-consent'),
  AdoptionDecisionReversed: fieldsOf('reverse-adoption-decision'),
  MatchedWithAdopters: fieldsOf('match'),
  PlacedForAdoption: fieldsOf('place-for-adoption'),
  AdoptionOrderGranted: fieldsOf('adoption-order'),
  MissingEpisodeStarted: fieldsOf('missing-episode'),
  MissingEpisodeEnded: fieldsOf('missing-episode-end'),
  PeriodOfCareEnded: fieldsOf('end-of-care'),
  AnnualHealthOutcomesRecorded: fieldsOf('health-outcomes'),
  CareLeaverContactRecorded: fieldsOf('care-leaver-contact'),
};

export const isCorrectable = (
  entry: StoredJourneyEvent,
): entry is StoredJourneyEvent & {
  type: CorrectableEntryType;
} => Object.prototype.hasOwnProperty.call(FIELDS_OF_ENTRY, entry.type);

const reason = (label: string): FormField => ({
  kind: 'textarea',
  name: 'reason',
  label,
  hint: 'At most 500 characters. Panel members do not see it.',
});

/**
 * Amend and withdraw: the API's correction routes, opened from an entry on the child's page.
 * `target` is the hidden field that names the entry; the amend form's own fields are the
 * corrected entry's (`amendFormFor`).
 */
export const CORRECTION_FORMS: readonly (RecordForm & { target: 'correctedEventId' | 'retractedEventId' })[] =
  [
    {
      slug: 'amend',
      title: 'Correction of an entry',
      command: 'AmendEntry',
      dto: AmendEntryDto,
      target: 'correctedEventId',
      fields: [reason('Why it is being corrected')],
    },
    {
      slug: 'withdraw',
      title: 'Withdrawal of an entry',
      command: 'RetractEntry',
      dto: RetractEntryDto,
      target: 'retractedEventId',
      fields: [reason('Why it is being withdrawn')],
    },
  ];

/**
 * The amend form for one entry: the fields of the form that records such an entry (only those the
 * entry holds; the registration's own fields for the child's details: an adoption order's `application` became the end of care's reason), under
 * `amendedData.`, then the reason. The API checks them by the entry's own rules.
 */
export function amendFormFor(
  base: RecordForm,
  entry: StoredJourneyEvent & { type: CorrectableEntryType },
): RecordForm {
  const fields = FIELDS_OF_ENTRY[entry.type]
    .filter((field) => isFieldOf(entry.type, topLevel(field.name)))
    .map((field) => ({ ...field, name: `${AMENDED}${field.name}` }));
  return { ...base, fields: [...fields, ...base.fields] };
}

/** `placement.postcode` → `placement`: the entry's own field a form field belongs to. */
export const topLevel = (name: string): string => name.split('.')[0];

/** The entry's values as the amend form shows them, to be changed where they are wrong. */
export function amendValues(form: RecordForm, entry: StoredJourneyEvent): Record<string, string> {
  const data = entry.data as unknown as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const field of form.fields) {
    if (!field.name.startsWith(AMENDED)) continue;
    const value = valueAt(data, field.name.slice(AMENDED.length));
    values[field.name] = value === undefined || value === null ? '' : String(value);
  }
  return values;
}

export function valueAt(data: Record<string, unknown>, path: string): unknown {
  let node: unknown = data;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A form by its address: one of the record forms, or a correction. */
export const formBySlug = (slug: string): RecordForm | undefined =>
  [...RECORD_FORMS, ...CORRECTION_FORMS].find((f) => f.slug === slug);

export const FORM_SLUGS: readonly string[] = [...RECORD_FORMS, ...CORRECTION_FORMS].map((f) => f.slug);
