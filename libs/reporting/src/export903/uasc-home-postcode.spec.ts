import type { JourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { checkUascDistance } from './self-check/uasc-rules';
import { validateReturn } from './validate-return';

const childId = 'c-uasc';
const registration = (uasc: boolean): JourneyEvent => ({
  type: 'ChildRegistered',
  data: {
    childId,
    effectiveDate: '2024-04-01',
    childRef: 'HB002',
    name: 'Test HB002',
    dateOfBirth: '2008-02-29',
    sex: '1',
    ethnicity: 'WBRI',
    upn: 'B123456789012',
    homePostcode: 'CB1 2AB',
    uasc,
    relinquishedAtBirth: false,
    team: 'North',
    socialWorker: 'alice',
  },
});
const startOfCare: JourneyEvent = {
  type: 'PeriodOfCareStarted',
  data: {
    childId,
    effectiveDate: '2024-04-15',
    legalStatus: 'V2',
    categoryOfNeed: 'N1',
    placement: { placementType: 'U6', provider: 'PR1', postcode: 'CB4 1AA', urn: 'SC123456' },
    previousPermanence: { code: 'Z1' },
  },
};
const returnFor = (uasc: boolean) =>
  buildReturn(
    [
      childRecord(
        [registration(uasc), startOfCare].map((e, i) => ({
          ...e,
          id: `e${i}`,
          recordedAt: '2024-04-15T10:00:00Z',
          recordedBy: 'sw',
        })) as Parameters<typeof childRecord>[0],
      )!,
    ],
    { yearEnding: '2025-03-31' },
  );

describe('DfE rule 406: no placement distance for a child who is or was UASC', () => {
  it('Given a UASC child with a home postcode on record, When the return is built, Then HOME_POST is blank on their episodes (PL_POST kept) and the self-check is silent on 406', () => {
    const tables = returnFor(true);
    expect(tables.UASC.map((u) => u.CHILD)).toEqual(['HB002']);
    expect(tables.Episodes.map((e) => [e.HOME_POST, e.PL_POST])).toEqual([['', 'CB4 1AA']]);
    expect(validateReturn(tables, { yearEnding: '2025-03-31' }).filter((f) => f.rule === '406')).toEqual([]);
  });

  it('Given a child who is not UASC, Then HOME_POST is still written', () => {
    expect(returnFor(false).Episodes.map((e) => e.HOME_POST)).toEqual(['CB1 2AB']);
  });

  it('Given an Episodes row with HOME_POST for a child in the UASC table, When self-checked, Then rule 406 names the child and HOME_POST', () => {
    const tables = returnFor(true);
    const withHome = { ...tables, Episodes: tables.Episodes.map((e) => ({ ...e, HOME_POST: 'CB1 2AB' })) };
    expect(validateReturn(withHome, { yearEnding: '2025-03-31' })).toContainEqual(
      expect.objectContaining({ rule: '406', table: 'Episodes', child: 'HB002', field: 'HOME_POST' }),
    );
    expect(checkUascDistance({ Episodes: withHome.Episodes, UASC: [] })).toEqual([]);
  });
});
