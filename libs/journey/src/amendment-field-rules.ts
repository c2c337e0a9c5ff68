/**
 * An amendment keeps the corrected entry's field rules (s13 dev review F8), for every writer (the
 * API, the seeder, the 903 import): `amendedData` is laid over the entry as stored, so each field it
 * gives must be one of the entry's own, at any depth (a placement's parts too), hold a value where
 * the entry always holds one, and be of the kind the entry holds (text, true/false, a number, the
 * placement's or previous permanence's parts). What the value may be (a code of the list, a real
 * date, a text not blank) is the entry's own rule: the decider checks it by replaying the journey
 * with the amendment laid over (journey-check.ts), so it is not restated here.
 * Kinds are next to ENTRY_FIELDS (entry-fields.ts); the type below fails the build when an event's
 * field is missing here or its kind does not match events.ts.
 */
import type { EventData, JourneyEventType, PlacementDetails } from './events';
import { ENTRY_WORDS } from './handlers/corrections-other-entry';

type Base<V> = V extends boolean
  ? 'boolean'
  : V extends number
    ? 'number'
    : V extends string
      ? 'text'
      : 'parts';
/** `?`: the entry may hold no value there, so an amendment may clear it (null). */
type Kind<V> = undefined extends V ? `${Base<NonNullable<V>>}?` : Base<V>;
type KindsOf<D> = { readonly [F in Exclude<keyof D, 'childId'>]-?: Kind<D[F]> };

type AmendableType = Exclude<JourneyEventType, 'EntryAmended' | 'EntryRetracted' | 'RegistrationRetracted'>;
type FieldKind = 'text' | 'boolean' | 'number' | 'parts' | 'text?' | 'boolean?' | 'number?' | 'parts?';

const PLACEMENT_PARTS: KindsOf<PlacementDetails> = {
  placementType: 'text',
  provider: 'text?',
  postcode: 'text?',
  urn: 'text?',
  inArea: 'boolean?',
};
const PREVIOUS_PERMANENCE_PARTS: KindsOf<
  NonNullable<EventData<'PeriodOfCareStarted'>['previousPermanence']>
> = { code: 'text', la: 'text?', date: 'text?' };

/** The fields whose value is an object, and the parts it holds. */
const PARTS: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = {
  placement: PLACEMENT_PARTS,
  previousPermanence: PREVIOUS_PERMANENCE_PARTS,
};

const DATED = { effectiveDate: 'text' } as const;

export const ENTRY_FIELD_KINDS: { readonly [T in AmendableType]: KindsOf<EventData<T>> } = {
  ChildRegistered: {
    ...DATED,
    childRef: 'text',
    name: 'text',
    dateOfBirth: 'text',
    sex: 'text',
    ethnicity: 'text',
    upn: 'text',
    homePostcode: 'text?',
    uasc: 'boolean',
    relinquishedAtBirth: 'boolean',
    team: 'text',
    socialWorker: 'text',
  },
  AllocationChanged: { ...DATED, team: 'text', socialWorker: 'text' },
  PeriodOfCareStarted: {
    ...DATED,
    legalStatus: 'text',
    categoryOfNeed: 'text',
    placement: 'parts',
    previousPermanence: 'parts?',
  },
  LegalStatusChanged: { ...DATED, legalStatus: 'text' },
  PlacementChanged: { ...DATED, placement: 'parts', reasonForChange: 'text', sameCarer: 'boolean' },
  TemporaryPlacementStarted: { ...DATED, placementType: 'text' },
  TemporaryPlacementEnded: { ...DATED, reRecordedAs: 'text?' },
  StatutoryReviewHeld: { ...DATED, participation: 'text' },
  PermanencePlanSet: { ...DATED, route: 'text' },
  GoingHomeAuditCompleted: { ...DATED, outcome: 'text', nextAction: 'text' },
  StatutoryVisitRecorded: { ...DATED, seenAlone: 'boolean', visitNote: 'text?' },
  AdoptionDecisionMade: DATED,
  PlacementOrderGranted: DATED,
  AdoptionConsentGiven: DATED,
  AdoptionDecisionReversed: { ...DATED, reason: 'text' },
  MatchedWithAdopters: DATED,
  PlacedForAdoption: { ...DATED, placement: 'parts', sameCarer: 'boolean' },
  AdoptionOrderGranted: {
    ...DATED,
    adoptedByFosterCarer: 'boolean',
    numberOfAdopters: 'number',
    adopterSex: 'text',
    adopterLegalStatus: 'text',
  },
  MissingEpisodeStarted: { ...DATED, kind: 'text' },
  MissingEpisodeEnded: DATED,
  PeriodOfCareEnded: { ...DATED, reason: 'text' },
  AnnualHealthOutcomesRecorded: {
    ...DATED,
    sdqScore: 'number?',
    sdqReason: 'text?',
    convicted: 'boolean?',
    healthCheck: 'boolean?',
    immunisations: 'boolean',
    teethCheck: 'boolean',
    healthAssessment: 'boolean',
    substanceMisuse: 'boolean',
    interventionReceived: 'boolean?',
    interventionOffered: 'boolean?',
  },
  CareLeaverContactRecorded: { ...DATED, inTouch: 'text', activity: 'text', accommodation: 'text' },
};

/** One field of `amendedData` that breaks its entry's rules: the path (`amendedData.placement.urn`) and why. */
export interface AmendedFieldError {
  field: string;
  rule: 'not-a-field-of-the-entry' | 'required-field' | 'wrong-kind-of-value';
  message: string;
}

const KIND_WORDS: Record<string, string> = {
  text: 'a text',
  boolean: 'true or false',
  number: 'a number',
  parts: 'an object',
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isOfKind(value: unknown, base: string): boolean {
  if (base === 'text') return typeof value === 'string';
  if (base === 'boolean') return typeof value === 'boolean';
  if (base === 'number') return typeof value === 'number' && Number.isFinite(value);
  return isPlainObject(value);
}

const own = (kinds: Readonly<Record<string, FieldKind>>, field: string): FieldKind | undefined =>
  Object.prototype.hasOwnProperty.call(kinds, field) ? kinds[field] : undefined;

function fieldErrors(
  kinds: Readonly<Record<string, FieldKind>>,
  given: Record<string, unknown>,
  path: string,
  where: string,
): AmendedFieldError[] {
  const errors: AmendedFieldError[] = [];
  for (const [name, value] of Object.entries(given)) {
    const field = `${path}.${name}`;
    const kind = own(kinds, name);
    if (kind === undefined) {
      errors.push({
        field,
        rule: 'not-a-field-of-the-entry',
        message: `${field} is not a field of ${where}; it takes ${Object.keys(kinds).join(', ')}.`,
      });
      continue;
    }
    const base = kind.replace('?', '');
    if (value === null || value === undefined) {
      if (!kind.endsWith('?'))
        errors.push({
          field,
          rule: 'required-field',
          message: `${field} must have a value: ${where} always holds one.`,
        });
      continue;
    }
    if (!isOfKind(value, base)) {
      errors.push({
        field,
        rule: 'wrong-kind-of-value',
        message: `${field} must be ${KIND_WORDS[base]}, got ${JSON.stringify(value)}.`,
      });
      continue;
    }
    const parts = base === 'parts' ? PARTS[name] : undefined;
    if (parts) errors.push(...fieldErrors(parts, value as Record<string, unknown>, field, field));
  }
  return errors;
}

/**
 * Every field of `amendedData` (`childId` aside: keepsChildId's rule) that breaks the field rules of
 * an entry of `entryType`; empty when it keeps them, or for a type no amendment may correct.
 */
export function amendedFieldErrors(
  entryType: JourneyEventType,
  amendedData: Record<string, unknown>,
): AmendedFieldError[] {
  const kinds = (ENTRY_FIELD_KINDS as Partial<Record<JourneyEventType, Record<string, FieldKind>>>)[
    entryType
  ];
  if (!kinds) return [];
  const { childId: _childId, ...given } = amendedData;
  return fieldErrors(kinds, given, 'amendedData', `the ${ENTRY_WORDS[entryType]}`);
}
