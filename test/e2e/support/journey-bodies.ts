/**
 * Request bodies for one child's journey, all valid in order: born 2022-01-10, in care from
 * 2023-02-06, three moves, reviews, adoption plan, decision, placement order, match, placed,
 * adoption order on 2024-05-13 (which ends care).
 */
export const DATE_OF_BIRTH = '2022-01-10';

const DEFAULT_CHILD_REF = 'LA-000123';

/**
 * A UPN of the child's own (a UPN belongs to one child: 903 rule 444, refused at registration):
 * the default reference keeps A123456789012, any other gets a UPN made from its reference.
 */
const upnFor = (childRef: unknown): string => {
  if (childRef === DEFAULT_CHILD_REF || typeof childRef !== 'string') return 'A123456789012';
  let hash = 0;
  for (const char of childRef) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000_000_000;
  return `B${String(hash).padStart(12, '0')}`;
};

export const registerBody = (overrides: Record<string, unknown> = {}) => ({
  effectiveDate: '2023-02-01',
  childRef: DEFAULT_CHILD_REF,
  name: 'Sam Taylor',
  dateOfBirth: DATE_OF_BIRTH,
  sex: '2',
  ethnicity: 'WBRI',
  upn: upnFor(overrides.childRef ?? DEFAULT_CHILD_REF),
  homePostcode: 'LS6 2AB',
  uasc: false,
  relinquishedAtBirth: false,
  // A configured team and a social worker who can sign in (the default teams, the demo users):
  // the API refuses any other (knownTeam / knownSocialWorker).
  team: 'Children in Care North',
  socialWorker: 'sw.demo',
  ...overrides,
});

export const startCareBody = {
  effectiveDate: '2023-02-06',
  legalStatus: 'C1',
  categoryOfNeed: 'N1',
  placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS1 4AB', urn: 'SC000001', inArea: true },
};

export const moveBody = (
  effectiveDate: string,
  placementType: string,
  provider: string,
  postcode: string,
) => ({
  effectiveDate,
  placement: { placementType, provider, postcode, inArea: true },
  reasonForChange: 'CARPL',
  sameCarer: false,
});

/** [path, body] in the order they are recorded. */
export const wholeJourney: Array<[string, Record<string, unknown>]> = [
  ['periods-of-care', startCareBody],
  ['reviews', { effectiveDate: '2023-03-02', participation: 'PN0' }],
  ['placement-changes', moveBody('2023-03-15', 'U6', 'PR4', 'LS2 7AB')],
  ['permanence-plan', { effectiveDate: '2023-04-20', route: 'adoption' }],
  ['legal-status', { effectiveDate: '2023-05-02', legalStatus: 'C2' }],
  ['reviews', { effectiveDate: '2023-05-30', participation: 'PN0' }],
  ['placement-changes', moveBody('2023-06-05', 'U3', 'PR1', 'LS8 1AA')],
  ['adoption/decision', { effectiveDate: '2023-07-03' }],
  ['adoption/placement-order', { effectiveDate: '2023-09-04' }],
  ['placement-changes', moveBody('2023-10-02', 'U4', 'PR2', 'WF1 2AB')],
  ['adoption/match', { effectiveDate: '2023-11-06' }],
  ['reviews', { effectiveDate: '2023-11-20', participation: 'PN0' }],
  [
    'adoption/placement',
    {
      effectiveDate: '2023-12-04',
      placement: { placementType: 'A6', provider: 'PR1', postcode: 'HG1 1AA', inArea: false },
      sameCarer: false,
    },
  ],
  [
    'adoption/order',
    {
      effectiveDate: '2024-05-13',
      adoptedByFosterCarer: false,
      numberOfAdopters: 2,
      adopterSex: 'MF',
      adopterLegalStatus: 'L11',
      application: 'unopposed',
    },
  ],
];
