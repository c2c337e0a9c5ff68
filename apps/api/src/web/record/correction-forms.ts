import { isFieldOf, type JourneyEventType, type StoredJourneyEvent } from '@care-journey/journey';
import { AmendEntryDto, RetractEntryDto } from '../../children/dto/corrections.dto';
import { RECORD_FORMS, type FormField, type RecordForm } from './form-definitions';

/** The amend form names each corrected field by its path under the API's `amendedData`. */
export const AMENDED = 'amendedData.';

/** Entry types the child's page lets a social worker correct: every entry it lists (not the registration). */
export type CorrectableEntryType = Exclude<
  JourneyEventType,
  'ChildRegistered' | 'EntryAmended' | 'EntryRetracted'
>;

/**
 * The record form whose fields an entry of each type holds: its amendment is filled in on that
 * form's fields. Keyed by every type, so a new entry type does not compile until it has one.
 */
const FORM_OF_ENTRY: Record<CorrectableEntryType, string> = {
  AllocationChanged: 'allocation',
  PeriodOfCareStarted: 'entry-to-care',
  LegalStatusChanged: 'legal-status',
  PlacementChanged: 'placement-change',
  TemporaryPlacementStarted: 'temporary-placement',
  TemporaryPlacementEnded: 'temporary-placement-end',
  StatutoryReviewHeld: 'review',
  PermanencePlanSet: 'plan',
  GoingHomeAuditCompleted: 'going-home-audit',
  AdoptionDecisionMade: 'adoption-decision',
  PlacementOrderGranted: 'placement-order',
  AdoptionConsentGiven: 'adoption-consent',
  AdoptionDecisionReversed: 'reverse-adoption-decision',
  MatchedWithAdopters: 'match',
  PlacedForAdoption: 'place-for-adoption',
  AdoptionOrderGranted: 'adoption-order',
  MissingEpisodeStarted: 'missing-episode',
  MissingEpisodeEnded: 'missing-episode-end',
  PeriodOfCareEnded: 'end-of-care',
  AnnualHealthOutcomesRecorded: 'health-outcomes',
  CareLeaverContactRecorded: 'care-leaver-contact',
};

export const isCorrectable = (
  entry: StoredJourneyEvent,
): entry is StoredJourneyEvent & {
  type: CorrectableEntryType;
} => Object.prototype.hasOwnProperty.call(FORM_OF_ENTRY, entry.type);

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
 * entry holds: an adoption order's `application` became the end of care's reason), under
 * `amendedData.`, then the reason. The API checks them by the entry's own rules.
 */
export function amendFormFor(
  base: RecordForm,
  entry: StoredJourneyEvent & { type: CorrectableEntryType },
): RecordForm {
  const entryForm = RECORD_FORMS.find((f) => f.slug === FORM_OF_ENTRY[entry.type]);
  const fields = (entryForm?.fields ?? [])
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
