/**
 * The SSDA903 national code lists as data (see shared/domain/national-definitions.md §1.3).
 * A code may carry validity dates because the DfE adds and removes codes between collection years;
 * `validFrom`/`validTo` are inclusive and compared with the effective date of the entry.
 */
import type { CalendarDate } from './events';

export interface CodeDefinition {
  code: string;
  meaning: string;
  /** First date on which the code may be used (inclusive). */
  validFrom?: CalendarDate;
  /** Last date on which the code may be used (inclusive). */
  validTo?: CalendarDate;
  /**
   * Last day of the last 903 collection year whose code list still carries the code, when that is
   * later than `validTo` (P2: no placement from 28 October 2023, in the list until 2024/25).
   */
  listedTo?: CalendarDate;
  /**
   * What a child still in this placement when it is withdrawn is recorded in instead, from the
   * day after `validTo` (invariants/withdrawn-placement-types.ts).
   */
  replacedBy?: readonly string[];
}

// 903 collection years run April–March, so most changes take effect on 1 April.
const END_OF_2024_25 = '2025-03-31';
const START_OF_2025_26 = '2025-04-01';
const Z1_SUBDIVISIONS = ['Z11', 'Z12', 'Z13', 'Z14'];
/**
 * National definitions §1.3: Z1 was replaced from 2025/26 by Z11–Z14, whose meanings are UNCONFIRMED
 * in our sources. Said so on every form that offers them, rather than four identical guesses.
 */
const Z1_SUBDIVISION_TEXT =
  'Other placement (2025/26 subdivision of Z1): meaning not yet confirmed — ask your 903 lead';

/**
 * The October 2023 supported-accommodation change, mid-year: from this day every setting that
 * accommodates a looked-after 16- or 17-year-old under "other arrangements" must be registered with
 * Ofsted (Supported Accommodation (England) Regulations 2023). The 2023/24 903 rules: 217t (a P2
 * episode may not end after 28/10/2023 or stay open) and 230 (an English H5 episode ending from
 * 29/10/2023, or open, needs the Ofsted URN). What the journey does with it:
 * invariants/supported-accommodation.ts.
 */
export const SUPPORTED_ACCOMMODATION_REGISTERED_FROM = '2023-10-28';
/** P2 may start up to the day before: a P2 episode has to end by 28 October 2023. */
const LAST_DAY_BEFORE_REGISTRATION = '2023-10-27';

const list = (
  ...defs: Array<[string, string] | [string, string, Omit<CodeDefinition, 'code' | 'meaning'>]>
) => defs.map(([code, meaning, dates]): CodeDefinition => ({ code, meaning, ...dates }));

export const CODE_LISTS = {
  /** Legal status. D1/E1 dates: the Adoption and Children Act 2002 replaced freeing orders (V 445, 446). */
  LS: list(
    ['C1', 'Interim care order'],
    ['C2', 'Full care order'],
    ['D1', 'Freeing order granted', { validTo: '2005-12-31' }],
    ['E1', 'Placement order granted', { validFrom: '2005-12-01' }],
    ['J1', 'Remanded to local authority accommodation or youth detention accommodation'],
    ['J2', 'Placed in local authority accommodation under PACE 1984 (incl. secure accommodation)'],
    ['J3', 'Youth rehabilitation order with residence or intensive fostering requirement'],
    ['L1', 'Under police protection and in local authority accommodation'],
    ['L2', 'Emergency protection order'],
    ['L3', 'Child assessment order and in local authority accommodation'],
    ['V2', 'Single period of accommodation under section 20'],
    ['V3', 'Accommodated under an agreed series of short-term breaks, each break recorded'],
    ['V4', 'Accommodated under an agreed series of short-term breaks, agreements recorded'],
  ),
  /** Reason for new episode. */
  RNE: list(
    ['S', 'Started to be looked after'],
    ['L', 'Change of legal status only'],
    ['P', 'Change of placement and carer only'],
    ['T', 'Change of placement only, same carer'],
    ['B', 'Change of legal status and placement and carer at the same time'],
    ['U', 'Change of legal status and placement, same carer, at the same time'],
  ),
  /** Placement type. */
  PLACE: list(
    ['A3', 'Placed for adoption with parental consent, with current foster carer(s)'],
    ['A4', 'Placed for adoption with parental consent, not with current foster carer(s)'],
    ['A5', 'Placed for adoption with placement order, with current foster carer(s)'],
    ['A6', 'Placed for adoption with placement order, not with current foster carer(s)'],
    // From 28 October 2023 only in a setting registered with Ofsted, with its URN (903 rule 230).
    [
      'H5',
      "Semi-independent living not subject to children's homes regulations",
      { validTo: END_OF_2024_25, replacedBy: ['K3'] },
    ],
    ['K1', "Secure children's home"],
    ['K2', "Children's home subject to Children's Homes Regulations"],
    // Registered supported accommodation: carries the setting's Ofsted URN.
    [
      'K3',
      "Supported accommodation not subject to children's homes regulations (16+)",
      { validFrom: '2024-04-01' },
    ],
    ['P1', 'Placed with own parent(s) or other person(s) with parental responsibility'],
    // Not a placement for a looked-after child from 28 October 2023 (903 rule 217t); gone from the
    // 2025/26 list.
    [
      'P2',
      'Independent living, e.g. flat, lodgings, bedsit, B&B or with friends',
      { validTo: LAST_DAY_BEFORE_REGISTRATION, listedTo: END_OF_2024_25 },
    ],
    ['P3', 'Residential employment'],
    ['R1', 'Residential care home'],
    ['R2', 'NHS/health trust or other establishment providing medical or nursing care'],
    ['R3', 'Family centre or mother and baby unit'],
    ['R5', 'Young offender institution'],
    ['S1', "Residential school (not dual-registered as a children's home)"],
    ['T0', 'Temporary move of any of the T1–T4 kinds'],
    ['T1', 'Temporary period in hospital'],
    ['T2', 'Temporary absence of the child on holiday'],
    ['T3', 'Temporary accommodation while the usual foster carer is on holiday'],
    ['T4', 'Temporary accommodation of seven days or less, any other reason'],
    ['U1', 'Foster placement with relative or friend, long-term fostering'],
    ['U2', 'Foster placement with relative or friend who is also an approved adopter (FFA/concurrent)'],
    ['U3', 'Foster placement with relative or friend, not long-term or FFA/concurrent'],
    ['U4', 'Foster placement with other foster carer, long-term fostering'],
    ['U5', 'Foster placement with other foster carer who is also an approved adopter (FFA/concurrent)'],
    ['U6', 'Foster placement with other foster carer, not long-term or FFA/concurrent'],
    ['Z1', 'Other placement', { validTo: END_OF_2024_25, replacedBy: Z1_SUBDIVISIONS }],
    // Z1 was split from 2025/26; the sub-code meanings are not confirmed in our sources.
    ['Z11', Z1_SUBDIVISION_TEXT, { validFrom: START_OF_2025_26 }],
    ['Z12', Z1_SUBDIVISION_TEXT, { validFrom: START_OF_2025_26 }],
    ['Z13', Z1_SUBDIVISION_TEXT, { validFrom: START_OF_2025_26 }],
    ['Z14', Z1_SUBDIVISION_TEXT, { validFrom: START_OF_2025_26 }],
  ),
  PLACE_PROVIDER: list(
    ['PR0', 'Parent(s) or other person(s) with parental responsibility'],
    ['PR1', 'Own provision by the local authority (incl. RAA hosted by the LA)'],
    ['PR2', 'Other local authority provision (incl. RAA hosted by another LA)'],
    ['PR3', 'Other public provision'],
    ['PR4', 'Private provision'],
    ['PR5', 'Voluntary or third sector provision'],
  ),
  /** Reason episode ceased. */
  REC: list(
    ['X1', 'Episode ceases and a new one begins on the same day (care continues)'],
    ['E11', 'Adopted: application unopposed'],
    ['E12', 'Adopted: consent dispensed with by the court'],
    ['E2', 'Died'],
    ['E3', 'Care taken over by another UK local authority'],
    ['E4A', 'Returned home to parent(s) or person with parental responsibility as planned'],
    ['E4B', 'Returned home to parent(s) or person with parental responsibility, not as planned'],
    [
      'E13',
      'Left care to live with parent(s), relative(s) or other person(s) without parental responsibility',
    ],
    ['E14', 'Accommodation on remand ended'],
    ['E15', 'Age assessment determined child aged 18 or over'],
    ['E16', 'Child moved abroad'],
    // National definitions §1.3: E17 includes staying put (it is wider: any current carers at 18+).
    ['E17', 'Aged 18 or over and remained with current carers, including staying put'],
    ['E41', 'Residence order or child arrangements order granted'],
    ['E45', 'Special guardianship order to former foster carer(s) who are relatives or friends'],
    ['E46', 'Special guardianship order to former foster carer(s), other than relatives or friends'],
    ['E47', 'Special guardianship order to carer(s) other than former foster carer(s), relatives or friends'],
    ['E48', 'Special guardianship order to carer(s) other than former foster carer(s), other'],
    ['E5', 'Moved into independent living with supportive accommodation'],
    ['E6', 'Moved into independent living without formal support'],
    ['E7', 'Transferred to residential care funded by adult social care'],
    ['E8', 'Period of being looked after ceased for any other reason'],
    ['E9', 'Sentenced to custody'],
  ),
  /** Category of need. */
  CIN: list(
    ['N1', 'Abuse or neglect'],
    ['N2', "Child's disability"],
    ['N3', 'Parental illness or disability'],
    ['N4', 'Family in acute stress'],
    ['N5', 'Family dysfunction'],
    ['N6', 'Socially unacceptable behaviour'],
    ['N7', 'Low income'],
    ['N8', 'Absent parenting'],
  ),
  REASON_PLACE_CHANGE: list(
    ['CARPL', 'Change to or implementation of the care plan'],
    ['CLOSE', 'Resignation or closure of provision'],
    ['ALLEG', 'Allegation (s47)'],
    ['STAND', 'Standards of care concern'],
    ['CUSTOD', 'Custody'],
    ['APPRR', 'Approval removed'],
    ['CREQB', "Carer requests placement end due to the child's behaviour"],
    ['CREQO', 'Carer requests placement end, other reason'],
    ['CHILD', 'Child requests placement end'],
    ['LAREQ', 'Responsible or area authority requests placement end'],
    ['PLACE', 'Change in the status of the placement only'],
    ['OTHER', 'Other'],
  ),
  /** Participation in a statutory review. */
  REVIEW_CODE: list(
    ['PN0', 'Child aged under 4 at the time of the review'],
    ['PN1', 'Child attends and speaks for themselves'],
    ['PN2', 'Child attends, an advocate speaks on their behalf'],
    ['PN3', 'Child attends and conveys views non-verbally'],
    ['PN4', 'Child attends but does not contribute'],
    ['PN5', 'Child absent, briefs an advocate to speak for them'],
    ['PN6', 'Child absent, conveys views by a facilitative medium'],
    ['PN7', 'Child absent, views not conveyed'],
  ),
  /** Why the child should no longer be placed for adoption. */
  REASON_PLACED_CEASED: list(
    ['RD1', "The child's needs changed"],
    ['RD2', 'The court did not make a placement order'],
    ['RD3', 'Prospective adopters could not be found'],
    ['RD4', 'Any other reason'],
  ),
  PREV_PERM: list(
    ['P1', 'Adoption'],
    ['P2', 'Special guardianship order'],
    ['P3', 'Residence order or child arrangements order'],
    ['P4', 'Unknown'],
    ['Z1', 'None'],
  ),
  SEX_ADOPTR: list(
    ['M1', 'Single male adopter'],
    ['F1', 'Single female adopter'],
    ['MM', 'Two male adopters'],
    ['FF', 'Two female adopters'],
    ['MF', 'Male and female adopters'],
  ),
  LS_ADOPTR: list(
    ['L0', 'Single adopter'],
    ['L11', 'Different-gender married couple'],
    ['L12', 'Same-gender married couple'],
    ['L2', 'Civil partners'],
    ['L3', 'Different-gender couple, not married'],
    ['L4', 'Same-gender couple, not married or in a civil partnership'],
  ),
  ETHNIC: list(
    ['WBRI', 'White British'],
    ['WIRI', 'White Irish'],
    ['WOTH', 'Any other White background'],
    ['WIRT', 'Traveller of Irish heritage'],
    ['WROM', 'Gypsy/Roma'],
    ['MWBC', 'White and Black Caribbean'],
    ['MWBA', 'White and Black African'],
    ['MWAS', 'White and Asian'],
    ['MOTH', 'Any other mixed background'],
    ['AIND', 'Indian'],
    ['APKN', 'Pakistani'],
    ['ABAN', 'Bangladeshi'],
    ['AOTH', 'Any other Asian background'],
    ['BCRB', 'Caribbean'],
    ['BAFR', 'African'],
    ['BOTH', 'Any other Black background'],
    ['CHNE', 'Chinese'],
    ['OOTH', 'Any other ethnic group'],
    ['REFU', 'Refused'],
    ['NOBT', 'Information not yet obtained'],
  ),
  MISSING: list(['M', 'Missing'], ['A', 'Away from placement without authorisation']),
  /** OC2: why there is no Strengths and Difficulties Questionnaire score (903 rule 196). */
  SDQ_REASON: list(
    ['SDQ1', 'No form returned as the child was aged under 4 or over 17 at the latest assessment'],
    ['SDQ2', 'Carer(s) refused to complete and return the questionnaire'],
    ['SDQ3', "Not possible to complete the questionnaire due to the severity of the child's disability"],
    ['SDQ4', 'Other'],
    ['SDQ5', 'Child or young person refuses to allow an SDQ to be completed'],
  ),
  /** OC3: whether the authority is in touch with the care leaver (903 rule 131). */
  IN_TOUCH: list(
    ['YES', 'In touch'],
    ['NO', 'Not in touch'],
    ['DIED', 'Died'],
    ['REFU', 'Young person refuses contact'],
    ['NREQ', 'Contact not required: no longer a care leaver'],
    ['RHOM', 'Returned home to parents or person with parental responsibility for 6 months or more'],
  ),
  /** OC3 activity (903 rule 132); 0 = not known (not in touch, died, returned home). */
  ACTIV: list(
    ['F1', 'Full-time in higher education'],
    ['P1', 'Part-time in higher education'],
    ['F2', 'Full-time in education other than higher education'],
    ['P2', 'Part-time in education other than higher education'],
    ['F4', 'Full-time in training or employment'],
    ['P4', 'Part-time in training or employment'],
    ['F5', 'Full-time apprenticeship (meaning UNCONFIRMED)'],
    ['P5', 'Part-time apprenticeship (meaning UNCONFIRMED)'],
    ['G4', 'Not in education, training or employment: illness or disability'],
    ['G5', 'Not in education, training or employment: other reasons'],
    ['G6', 'Not in education, training or employment: pregnancy or parenting'],
    ['0', 'Not known'],
  ),
  /** OC3 accommodation (903 rule 133): second character 1 = suitable, 2 = not suitable. */
  ACCOM: list(
    ['B1', 'Bed and breakfast, suitable'],
    ['B2', 'Bed and breakfast, not suitable'],
    ['C1', 'With parents or relatives, suitable'],
    ['C2', 'With parents or relatives, not suitable'],
    ['D1', 'Community home or other residential care, suitable'],
    ['D2', 'Community home or other residential care, not suitable'],
    ['E1', 'Semi-independent transitional accommodation, suitable'],
    ['E2', 'Semi-independent transitional accommodation, not suitable'],
    ['G1', 'Supported lodgings, suitable'],
    ['G2', 'Supported lodgings, not suitable'],
    ['H1', 'Gone abroad, suitable'],
    ['H2', 'Gone abroad, not suitable'],
    ['K1', 'Deported, suitable'],
    ['K2', 'Deported, not suitable'],
    ['R1', 'Residence not known, suitable'],
    ['R2', 'Residence not known, not suitable'],
    ['S2', 'No fixed abode or homeless, not suitable'],
    ['T1', 'Foyer or similar supported accommodation, suitable'],
    ['T2', 'Foyer or similar supported accommodation, not suitable'],
    ['U1', 'Independent living, suitable'],
    ['U2', 'Independent living, not suitable'],
    ['V1', 'Emergency accommodation, suitable'],
    ['V2', 'Emergency accommodation, not suitable'],
    ['W1', 'Bed-sit, flat or hostel (meaning UNCONFIRMED), suitable'],
    ['W2', 'Bed-sit, flat or hostel (meaning UNCONFIRMED), not suitable'],
    ['X2', 'In custody, not suitable'],
    ['Y1', 'Other accommodation, suitable'],
    ['Y2', 'Other accommodation, not suitable'],
    ['Z1', 'With former foster carers, suitable'],
    ['Z2', 'With former foster carers, not suitable'],
    ['0', 'Not known'],
  ),
} as const satisfies Record<string, readonly CodeDefinition[]>;

export type CodeListName = keyof typeof CODE_LISTS;

export function findCode(listName: CodeListName, code: string): CodeDefinition | undefined {
  return CODE_LISTS[listName].find((def) => def.code === code);
}

/** In the list and, when a date is given, valid on that date (validity bounds are inclusive). */
export function isValidCode(listName: CodeListName, code: string, onDate?: CalendarDate): boolean {
  const def = findCode(listName, code);
  if (!def) return false;
  if (onDate === undefined) return true;
  // ISO dates order correctly as strings.
  return (!def.validFrom || onDate >= def.validFrom) && (!def.validTo || onDate <= def.validTo);
}

export const codeMeaning = (listName: CodeListName, code: string): string | undefined =>
  findCode(listName, code)?.meaning;

/**
 * In the code list of the 903 collection year [yearStart, yearEnd]: valid on some day of it, or
 * still listed that year (`listedTo`). What the DfE validator's code-list rules (146 for PLACE)
 * accept on any row of that year's return, whatever the row's dates.
 */
export function isListedInYear(
  listName: CodeListName,
  code: string,
  year: { start: CalendarDate; end: CalendarDate },
): boolean {
  const def: CodeDefinition | undefined = findCode(listName, code);
  if (!def) return false;
  const lastListed = def.listedTo ?? def.validTo;
  return (!def.validFrom || def.validFrom <= year.end) && (!lastListed || lastListed >= year.start);
}

/** The codes of a list, only those valid on `onDate` when given. */
export const codesOf = (listName: CodeListName, onDate?: CalendarDate): string[] =>
  CODE_LISTS[listName].map((def) => def.code).filter((code) => isValidCode(listName, code, onDate));
