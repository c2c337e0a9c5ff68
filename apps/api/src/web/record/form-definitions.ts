import { ADOPTION_ENDINGS, ADOPTION_PLACEMENTS, codesOf, TEMPORARY_PLACEMENTS } from '@care-journey/journey';
import type { CodeListName, JourneyCommandType } from '@care-journey/journey';
import {
  GrantAdoptionOrderDto,
  PlaceForAdoptionDto,
  RecordAdoptionConsentDto,
  RecordAdoptionDecisionDto,
  RecordMatchDto,
  GrantPlacementOrderDto,
  ReverseAdoptionDecisionDto,
} from '../../children/dto/adoption.dto';
import { ChangeAllocationDto } from '../../children/dto/allocation.dto';
import { RecordAnnualHealthOutcomesDto, RecordCareLeaverContactDto } from '../../children/dto/outcomes.dto';
import { EndMissingEpisodeDto, StartMissingEpisodeDto } from '../../children/dto/missing-episode.dto';
import {
  ChangeLegalStatusDto,
  EndPeriodOfCareDto,
  StartPeriodOfCareDto,
} from '../../children/dto/period-of-care.dto';
import {
  ChangePlacementDto,
  EndTemporaryPlacementDto,
  StartTemporaryPlacementDto,
} from '../../children/dto/placement.dto';
import {
  CompleteGoingHomeAuditDto,
  PERMANENCE_ROUTES,
  RecordReviewDto,
  SetPermanencePlanDto,
} from '../../children/dto/review-and-plan.dto';
import { reasonAndCarerHint } from './reason-and-carer-hint';
import { RecordStatutoryVisitDto } from '../../children/dto/statutory-visit.dto';
import { ROUTE_TEXT } from '../child/event-labels';

/**
 * The record forms: each names the API's own DTO (so validation and its messages are the API's)
 * and the command it sends through the same CommandBus. Fields are named by their dotted path
 * in the DTO (`placement.placementType`).
 */
export type FormField =
  | { kind: 'date'; name: string; label: string; hint?: string }
  | {
      kind: 'text';
      name: string;
      label: string;
      hint?: string;
      optional?: boolean;
      width?: number;
      /** A whole number: sent as a number when it is one (anything else as typed, for the DTO to refuse). */
      numeric?: boolean;
    }
  | { kind: 'textarea'; name: string; label: string; hint?: string; optional?: boolean }
  | {
      kind: 'code';
      name: string;
      label: string;
      list: CodeListName;
      hint?: string;
      optional?: boolean;
      only?: readonly string[];
    }
  | {
      kind: 'boolean';
      name: string;
      label: string;
      hint?: string;
      optional?: boolean;
      /** A third answer that sends nothing (an item the child's age does not call for), so it can be unset. */
      blankChoice?: string;
    }
  | {
      /** A drop-down of choices known only when the form is shown (the allocation's teams and workers). */
      kind: 'select';
      name: string;
      label: string;
      choices: readonly { value: string; text: string }[];
      hint?: string;
    }
  | {
      kind: 'choice';
      name: string;
      label: string;
      choices: readonly { value: string; text: string }[];
      numeric?: boolean;
      hint?: string;
    };

export interface RecordForm {
  slug: string;
  title: string;
  command: JourneyCommandType;
  dto: new () => object;
  fields: FormField[];
  /** A correction's hidden field naming the entry it corrects (the forms in correction-forms.ts). */
  target?: 'correctedEventId' | 'retractedEventId';
  /** What the entry is and when it is due, under the form's heading (id `form-intro`). */
  intro?: string;
}

/**
 * The 903 reasons a period of care ends by this form: not E11/E12 (adoption ends care only through
 * the adoption order) nor X1 (care continues). Codes withdrawn by today are left out with the rest.
 */
const END_OF_CARE_REASONS: readonly string[] = codesOf('REC').filter(
  (code) => code !== 'X1' && !(ADOPTION_ENDINGS as readonly string[]).includes(code),
);

const LEGAL_STATUSES_OF_THE_FORM: readonly string[] = codesOf('LS').filter((code) => code !== 'E1');

const effectiveDate = (label = 'Date it happened'): FormField => ({
  kind: 'date',
  name: 'effectiveDate',
  label,
  hint: 'The date in the child’s life, not today’s date if different. For example, 2025-03-04',
});

/**
 * The placement types an entry to care or a placement change can take: not T0–T4 (a temporary
 * placement has its own form and keeps the usual placement) nor A3–A6 (placed for adoption has its
 * own), which the domain always refuses there.
 */
const ORDINARY_PLACEMENT_TYPES: readonly string[] = codesOf('PLACE').filter(
  (code) =>
    !(TEMPORARY_PLACEMENTS as readonly string[]).includes(code) &&
    !(ADOPTION_PLACEMENTS as readonly string[]).includes(code),
);

const placementFields = (only?: readonly string[]): FormField[] => [
  { kind: 'code', name: 'placement.placementType', label: 'Placement type', list: 'PLACE', only },
  {
    kind: 'code',
    name: 'placement.provider',
    label: 'Placement provider',
    list: 'PLACE_PROVIDER',
    optional: true,
    hint: 'Leave blank for Z placements',
  },
  {
    kind: 'text',
    name: 'placement.postcode',
    label: 'Placement postcode',
    optional: true,
    width: 10,
    hint: 'Postcode or district, for example LS1 4AB',
  },
  {
    kind: 'text',
    name: 'placement.urn',
    label: 'Ofsted URN',
    optional: true,
    width: 10,
    hint: 'Of the setting, for example SC123456 or 2771234; XXXXXXX if it has none',
  },
  { kind: 'boolean', name: 'placement.inArea', label: 'Inside the authority’s area?', optional: true },
];

/** An OC2 item asked only at some ages or after some answers: its third answer leaves it out. */
const itemByAge = (name: string, label: string, hint: string): FormField => ({
  kind: 'boolean',
  name,
  label,
  hint,
  optional: true,
  blankChoice: 'Does not apply',
});

/**
 * The 903 PrevPerm question, asked of every child starting care. Left unanswered it is exported as
 * P4 (not known), never Z1 (none); any code but Z1 wants the authority and date of the order (903
 * rule 630). Same DTO as the API (`previousPermanence`).
 */
const previousPermanenceFields: FormField[] = [
  {
    kind: 'code',
    name: 'previousPermanence.code',
    label: 'Previous permanence order',
    list: 'PREV_PERM',
    hint: 'An earlier adoption, special guardianship, residence or child arrangements order. Z1 if there was none, P4 if it is not known; left unanswered, the 903 return says P4.',
  },
  {
    kind: 'text',
    name: 'previousPermanence.la',
    label: 'Authority that made the earlier order',
    optional: true,
    width: 5,
    hint: 'Its three-digit DfE code, for example 873; WAL, SCO, NIR or NUK outside England. Needed for P1–P3',
  },
  {
    kind: 'text',
    name: 'previousPermanence.date',
    label: 'Date of the earlier order',
    optional: true,
    width: 10,
    hint: 'For example 2019-06-14; 2019-06 or 2019 when the day or month is not known. Needed for P1–P3',
  },
];

export const RECORD_FORMS: readonly RecordForm[] = [
  {
    slug: 'entry-to-care',
    title: 'Entry to care',
    command: 'StartPeriodOfCare',
    dto: StartPeriodOfCareDto,
    fields: [
      effectiveDate('Date the child became looked after'),
      { kind: 'code', name: 'legalStatus', label: 'Legal status', list: 'LS' },
      { kind: 'code', name: 'categoryOfNeed', label: 'Category of need', list: 'CIN' },
      ...placementFields(ORDINARY_PLACEMENT_TYPES),
      ...previousPermanenceFields,
    ],
  },
  {
    slug: 'placement-change',
    title: 'Placement change',
    command: 'ChangePlacement',
    dto: ChangePlacementDto,
    fields: [
      effectiveDate('Date of the move'),
      ...placementFields(ORDINARY_PLACEMENT_TYPES),
      // Asked before the reason: the answer decides which reasons fit (frontline review F7).
      {
        kind: 'boolean',
        name: 'sameCarer',
        label: 'Is it the same carer as before?',
        hint: 'Yes when the child stays with the same carer and only the placement changes (the carer moves house, the provider or placement type changes); No when the child moves to a new carer',
      },
      {
        kind: 'code',
        name: 'reasonForChange',
        label: 'Reason for the change',
        list: 'REASON_PLACE_CHANGE',
        hint: reasonAndCarerHint(),
      },
    ],
  },
  {
    slug: 'temporary-placement',
    title: 'Temporary placement',
    command: 'StartTemporaryPlacement',
    dto: StartTemporaryPlacementDto,
    fields: [
      effectiveDate('Date the temporary placement began'),
      {
        kind: 'code',
        name: 'placementType',
        label: 'Temporary placement type',
        list: 'PLACE',
        only: TEMPORARY_PLACEMENTS,
        hint: 'The usual placement is kept, and the child goes back to it when this ends',
      },
    ],
  },
  {
    slug: 'temporary-placement-end',
    title: 'End of the temporary placement',
    command: 'EndTemporaryPlacement',
    dto: EndTemporaryPlacementDto,
    fields: [
      effectiveDate('Date the child went back to the usual placement'),
      {
        kind: 'code',
        name: 'reRecordedAs',
        label: 'Usual placement now recorded as',
        list: 'PLACE',
        optional: true,
        only: ['K3', 'Z11', 'Z12', 'Z13', 'Z14'],
        hint: 'Only when its type was withdrawn while the child was away (H5 from 1 April 2025: K3); otherwise leave blank',
      },
    ],
  },
  {
    slug: 'legal-status',
    title: 'Legal status change',
    command: 'ChangeLegalStatus',
    dto: ChangeLegalStatusDto,
    fields: [
      effectiveDate(),
      // Not E1: it comes only with the placement order, which has its own form (the journey refuses it here).
      {
        kind: 'code',
        name: 'legalStatus',
        label: 'New legal status',
        list: 'LS',
        only: LEGAL_STATUSES_OF_THE_FORM,
      },
    ],
  },
  {
    slug: 'review',
    title: 'Review',
    command: 'RecordReview',
    dto: RecordReviewDto,
    fields: [
      effectiveDate('Date of the review'),
      { kind: 'code', name: 'participation', label: 'How the child took part', list: 'REVIEW_CODE' },
    ],
  },
  {
    slug: 'plan',
    title: 'Permanence plan',
    command: 'SetPermanencePlan',
    dto: SetPermanencePlanDto,
    fields: [
      effectiveDate('Date the plan was agreed'),
      {
        kind: 'choice',
        name: 'route',
        label: 'Permanence route',
        choices: PERMANENCE_ROUTES.map((r) => ({ value: r, text: ROUTE_TEXT[r] ?? r })),
      },
    ],
  },
  {
    slug: 'going-home-audit',
    title: 'Going-home audit',
    // The rule book's DR10 (shared/domain/care-journey-rules.md) in a worker's words: a local rule.
    intro:
      'A check of whether the child could safely go home, for a child aged 16 or over, or accommodated ' +
      'under section 20 (V2), who is not in a permanent placement. It is a local rule (drift rule DR10): ' +
      'due 6 months after the child joined that group (care started or changed to V2, or the 16th ' +
      'birthday in care), then 6 months after the last audit.',
    command: 'CompleteGoingHomeAudit',
    dto: CompleteGoingHomeAuditDto,
    fields: [
      effectiveDate('Date of the audit'),
      { kind: 'textarea', name: 'outcome', label: 'What the audit found' },
      { kind: 'textarea', name: 'nextAction', label: 'What happens next' },
    ],
  },
  {
    slug: 'visit',
    title: 'Statutory visit',
    command: 'RecordStatutoryVisit',
    dto: RecordStatutoryVisitDto,
    fields: [
      effectiveDate('Date of the visit'),
      { kind: 'boolean', name: 'seenAlone', label: 'Was the child seen alone?' },
      {
        kind: 'textarea',
        name: 'visitNote',
        label: 'Note',
        hint: 'At most 1000 characters. Panel members do not see it.',
        optional: true,
      },
    ],
  },
  {
    slug: 'missing-episode',
    title: 'Missing or away from placement',
    command: 'StartMissingEpisode',
    dto: StartMissingEpisodeDto,
    fields: [
      effectiveDate('Date the child went missing or away'),
      { kind: 'code', name: 'kind', label: 'Missing or away without authorisation', list: 'MISSING' },
    ],
  },
  {
    slug: 'missing-episode-end',
    title: 'Back from missing or away',
    command: 'EndMissingEpisode',
    dto: EndMissingEpisodeDto,
    fields: [effectiveDate('Date the child came back')],
  },
  {
    slug: 'allocation',
    title: 'Allocation (team and social worker)',
    command: 'ChangeAllocation',
    dto: ChangeAllocationDto,
    fields: [
      effectiveDate('Date of the allocation'),
      // The choices are the authority's teams and social workers, put in when the form is shown
      // (allocation-form.ts); the API refuses any other name.
      { kind: 'select', name: 'team', label: 'Team', choices: [] },
      { kind: 'select', name: 'socialWorker', label: 'Social worker', choices: [] },
    ],
  },
  {
    slug: 'end-of-care',
    title: 'End of care',
    command: 'EndPeriodOfCare',
    dto: EndPeriodOfCareDto,
    fields: [
      effectiveDate('Date the child stopped being looked after'),
      {
        kind: 'code',
        name: 'reason',
        label: 'Why care ended',
        list: 'REC',
        only: END_OF_CARE_REASONS,
        hint: 'For example a return home, a special guardianship or child arrangements order, or leaving care. An adoption ends care through “Adoption: adoption order granted”. Leaving care at 18: E17 (stayed with carers), E5/E6 (independent living) or E7 (adult social care); E8 only if the young person is missing.',
      },
    ],
  },
  {
    slug: 'adoption-decision',
    title: 'Adoption: should be placed for adoption (ADM decision)',
    command: 'RecordAdoptionDecision',
    dto: RecordAdoptionDecisionDto,
    fields: [effectiveDate('Date of the decision')],
  },
  {
    slug: 'placement-order',
    title: 'Adoption: placement order granted',
    command: 'GrantPlacementOrder',
    dto: GrantPlacementOrderDto,
    fields: [effectiveDate('Date of the order')],
  },
  {
    slug: 'adoption-consent',
    title: 'Adoption: consent given',
    command: 'RecordAdoptionConsent',
    dto: RecordAdoptionConsentDto,
    fields: [effectiveDate('Date consent was given')],
  },
  {
    slug: 'match',
    title: 'Adoption: matched with adopters',
    command: 'RecordMatch',
    dto: RecordMatchDto,
    fields: [effectiveDate('Date of the match')],
  },
  {
    slug: 'place-for-adoption',
    title: 'Adoption: placed for adoption',
    command: 'PlaceForAdoption',
    dto: PlaceForAdoptionDto,
    fields: [
      effectiveDate('Date placed'),
      // A3–A6 only: fostering for adoption (U2/U5) is a change of placement (the placement-change form).
      ...placementFields(ADOPTION_PLACEMENTS),
      { kind: 'boolean', name: 'sameCarer', label: 'Does the child stay with the same carer?' },
    ],
  },
  {
    slug: 'adoption-order',
    title: 'Adoption: adoption order granted',
    command: 'GrantAdoptionOrder',
    dto: GrantAdoptionOrderDto,
    fields: [
      effectiveDate('Date of the order'),
      { kind: 'boolean', name: 'adoptedByFosterCarer', label: 'Adopted by a former foster carer?' },
      {
        kind: 'choice',
        name: 'numberOfAdopters',
        label: 'Number of adopters',
        numeric: true,
        choices: [
          { value: '1', text: 'One' },
          { value: '2', text: 'Two' },
        ],
      },
      { kind: 'code', name: 'adopterSex', label: 'Sex of the adopters', list: 'SEX_ADOPTR' },
      { kind: 'code', name: 'adopterLegalStatus', label: 'Legal status of the adopters', list: 'LS_ADOPTR' },
      {
        kind: 'choice',
        name: 'application',
        label: 'How the application went',
        choices: [
          { value: 'unopposed', text: 'Unopposed' },
          { value: 'consent_dispensed', text: 'Consent dispensed with' },
        ],
      },
    ],
  },
  {
    slug: 'reverse-adoption-decision',
    title: 'Adoption: decision reversed',
    command: 'ReverseAdoptionDecision',
    dto: ReverseAdoptionDecisionDto,
    fields: [
      effectiveDate('Date of the reversal'),
      { kind: 'code', name: 'reason', label: 'Reason', list: 'REASON_PLACED_CEASED' },
    ],
  },
  {
    slug: 'health-outcomes',
    title: 'Annual health outcomes (903 OC2)',
    command: 'RecordAnnualHealthOutcomes',
    dto: RecordAnnualHealthOutcomesDto,
    fields: [
      {
        kind: 'date',
        name: 'effectiveDate',
        label: 'Year ending',
        hint: 'The 31 March that ends the collection year, for example 2026-03-31. For a child looked after for the whole year.',
      },
      {
        kind: 'text',
        name: 'sdqScore',
        label: 'SDQ score',
        optional: true,
        numeric: true,
        width: 3,
        hint: 'Strengths and Difficulties Questionnaire total, 0 to 40, for a child aged 4 to 16 that year. Leave blank when there is no score.',
      },
      {
        kind: 'code',
        name: 'sdqReason',
        label: 'Why there is no SDQ score',
        list: 'SDQ_REASON',
        optional: true,
        hint: 'Only when a child aged 4 to 16 that year has no score',
      },
      itemByAge('healthCheck', 'Development assessments up to date?', 'For a child under 5 at 31 March'),
      { kind: 'boolean', name: 'immunisations', label: 'Immunisations up to date?' },
      { kind: 'boolean', name: 'teethCheck', label: 'Teeth checked by a dentist in the year?' },
      { kind: 'boolean', name: 'healthAssessment', label: 'Annual health assessment up to date?' },
      {
        kind: 'boolean',
        name: 'substanceMisuse',
        label: 'Identified as having a substance misuse problem?',
      },
      itemByAge(
        'interventionReceived',
        'Received an intervention for it?',
        'Only with a substance misuse problem',
      ),
      itemByAge(
        'interventionOffered',
        'Offered an intervention and refused it?',
        'Only when an intervention was not received',
      ),
      itemByAge(
        'convicted',
        'Convicted, warned or reprimanded in the year?',
        'For a child aged 10 or over at 31 March',
      ),
    ],
  },
  {
    slug: 'care-leaver-contact',
    title: 'Care leaver contact (903 OC3)',
    command: 'RecordCareLeaverContact',
    dto: RecordCareLeaverContactDto,
    fields: [
      {
        kind: 'date',
        name: 'effectiveDate',
        label: 'Date of the contact',
        hint: 'Within three months of the young person’s 17th, 18th, 19th, 20th or 21st birthday, after care ended. For example 2025-03-04',
      },
      { kind: 'code', name: 'inTouch', label: 'In touch with the authority', list: 'IN_TOUCH' },
      { kind: 'code', name: 'activity', label: 'Main activity', list: 'ACTIV', hint: '0 when not known' },
      {
        kind: 'code',
        name: 'accommodation',
        label: 'Accommodation and whether it is suitable',
        list: 'ACCOM',
        hint: '0 when not known',
      },
    ],
  },
];

export const recordForm = (slug: string): RecordForm | undefined => RECORD_FORMS.find((f) => f.slug === slug);

/** Input ids are the dotted path with dashes (ids with dots break CSS selectors and error links). */
export const inputId = (name: string): string => name.replace(/\./g, '-');
