import type { JourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { validateReturn } from './validate-return';

const childId = 'c-sb';
const respite = { placementType: 'U6', provider: 'PR1', postcode: 'CB4 1AA', urn: 'SC123456', inArea: true };
const event = (type: string, data: Record<string, unknown>, i: number) => ({
  type,
  data: { childId, ...data },
  id: `e${i}`,
  recordedAt: '2026-03-31T10:00:00Z',
  recordedBy: 'sw',
});
const registered = {
  effectiveDate: '2015-01-01',
  childRef: 'RV006',
  name: 'A Child',
  dateOfBirth: '2015-01-01',
  sex: '1',
  ethnicity: 'WBRI',
  upn: 'A123456789012',
  homePostcode: 'CB1 2AB',
  uasc: false,
  relinquishedAtBirth: false,
  team: 't',
  socialWorker: 's',
};
const breakIn = (from: string, to: string, legalStatus = 'V3') => [
  [
    'PeriodOfCareStarted',
    {
      effectiveDate: from,
      legalStatus,
      categoryOfNeed: 'N1',
      placement: respite,
      previousPermanence: { code: 'Z1' },
    },
  ],
  ['PeriodOfCareEnded', { effectiveDate: to, reason: 'E13' }],
];
const returnFor = (steps: unknown[][]) => {
  const stream = [['ChildRegistered', registered], ...steps].map(([type, data], i) =>
    event(type as string, data as Record<string, unknown>, i),
  ) as unknown as JourneyEvent[];
  return buildReturn([childRecord(stream as never)!], { yearEnding: '2026-03-31' });
};

describe('903 Episodes rows for short breaks (V3/V4)', () => {
  it('Given three V3 breaks with home and placement postcodes and a URN, When the return is built, Then the rows carry no location (214, 398, 420) and the self-check names only the 218 the validator raises for a URN-less U6', () => {
    const tables = returnFor([
      ...breakIn('2026-01-01', '2026-01-18'),
      ...breakIn('2026-02-01', '2026-02-18'),
      ...breakIn('2026-03-01', '2026-03-18'),
    ]);
    expect(
      tables.Episodes.map((r) => [r.DECOM, r.LS, r.PLACE, r.DEC, r.HOME_POST, r.PL_POST, r.URN]),
    ).toEqual([
      ['01/01/2026', 'V3', 'U6', '18/01/2026', '', '', ''],
      ['01/02/2026', 'V3', 'U6', '18/02/2026', '', '', ''],
      ['01/03/2026', 'V3', 'U6', '18/03/2026', '', '', ''],
    ]);
    expect(validateReturn(tables, { yearEnding: '2026-03-31' }).map((f) => [f.rule, f.field])).toEqual(
      Array(3).fill(['218', 'URN']),
    );
  });

  it('Given a V4 agreement, When the return is built, Then its row carries no location either', () => {
    const tables = returnFor(breakIn('2026-01-01', '2026-01-10', 'V4'));
    expect(tables.Episodes.map((r) => [r.LS, r.HOME_POST, r.PL_POST, r.URN])).toEqual([['V4', '', '', '']]);
  });

  it('Given care under C2, When the return is built, Then the row keeps its postcodes and URN', () => {
    const tables = returnFor([
      [
        'PeriodOfCareStarted',
        {
          effectiveDate: '2026-01-01',
          legalStatus: 'C2',
          categoryOfNeed: 'N1',
          placement: respite,
          previousPermanence: { code: 'Z1' },
        },
      ],
    ]);
    expect(tables.Episodes.map((r) => [r.LS, r.HOME_POST, r.PL_POST, r.URN])).toEqual([
      ['C2', 'CB1 2AB', 'CB4 1AA', 'SC123456'],
    ]);
  });

  it('Given a V3 break still open on 31 March after 30 days, When the return is built and checked, Then 365 names it', () => {
    const tables = returnFor([
      [
        'PeriodOfCareStarted',
        {
          effectiveDate: '2026-03-01',
          legalStatus: 'V3',
          categoryOfNeed: 'N1',
          placement: respite,
          previousPermanence: { code: 'Z1' },
        },
      ],
    ]);
    expect(validateReturn(tables, { yearEnding: '2026-03-31' }).map((f) => [f.rule, f.child])).toEqual([
      ['218', 'RV006'],
      ['365', 'RV006'],
    ]);
  });
});

describe('903 Header MOTHER for a girl on short breaks only (validator rules 393, 399)', () => {
  const girl = (steps: unknown[][]) => {
    const stream = [['ChildRegistered', { ...registered, sex: '2' }], ...steps].map(([type, data], i) =>
      event(type as string, data as Record<string, unknown>, i),
    ) as unknown as JourneyEvent[];
    return buildReturn([childRecord(stream as never)!], { yearEnding: '2026-03-31' });
  };

  it('Given a girl whose every episode in the year is V3/V4, When the return is built, Then MOTHER is blank (399: not returned for short breaks)', () =>
    expect(girl(breakIn('2026-01-01', '2026-01-18')).Header.map((r) => r.MOTHER)).toEqual(['']));

  it('Given a girl on a V3 break and then in care under C2, When the return is built, Then MOTHER is 0 (393 asks it of a looked-after girl)', () =>
    expect(
      girl([
        ...breakIn('2026-01-01', '2026-01-18'),
        [
          'PeriodOfCareStarted',
          {
            effectiveDate: '2026-02-01',
            legalStatus: 'C2',
            categoryOfNeed: 'N1',
            placement: respite,
            previousPermanence: { code: 'Z1' },
          },
        ],
      ]).Header.map((r) => r.MOTHER),
    ).toEqual(['0']));
});
