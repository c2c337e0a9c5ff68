import type { JourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';

const childId = 'u-1';
const stream = (dateOfBirth: string) =>
  (
    [
      {
        type: 'ChildRegistered',
        data: {
          childId,
          effectiveDate: '2023-01-01',
          childRef: 'U1',
          name: 'A Child',
          dateOfBirth,
          sex: '1',
          ethnicity: 'BAFR',
          upn: 'UN3',
          homePostcode: 'CB4 1UW',
          uasc: true,
          relinquishedAtBirth: false,
          team: 't',
          socialWorker: 's',
        },
      },
      {
        type: 'PeriodOfCareStarted',
        data: {
          childId,
          effectiveDate: '2023-01-01',
          legalStatus: 'V2',
          categoryOfNeed: 'N1',
          placement: { placementType: 'U6', provider: 'PR1', postcode: 'CB1 2GF', urn: 'SC100001' },
          previousPermanence: { code: 'Z1' },
        },
      },
    ] satisfies JourneyEvent[]
  ).map((e, i) => ({
    ...e,
    id: `e${i}`,
    recordedAt: '2023-01-02T10:00:00Z',
    recordedBy: 'sw',
  })) as Parameters<typeof childRecord>[0];

describe('UASC and Header rows across two years', () => {
  it('writes DUC as the 18th birthday in every year, even after 31 March (rule 205B)', () => {
    const child = childRecord(stream('2008-02-29'))!;
    const last = buildReturn([child], { yearEnding: '2024-03-31' });
    const now = buildReturn([child], { yearEnding: '2025-03-31' });
    // DateOffset(years=18) in the validator: 29 February gives 28 February.
    expect(last.UASC).toEqual([{ CHILD: 'U1', SEX: '1', DOB: '29/02/2008', DUC: '28/02/2026' }]);
    expect(now.UASC).toEqual([{ CHILD: 'U1', SEX: 'M', DOB: '29/02/2008', DUC: '28/02/2026' }]);
  });

  it("writes a past year in a later year's code lists only when asked (rule 202 comparison copy)", () => {
    const child = childRecord(stream('2010-05-01'))!;
    const own = buildReturn([child], { yearEnding: '2024-03-31' });
    const copy = buildReturn([child], { yearEnding: '2024-03-31', codesOf: '2025-03-31' });
    expect(own.Header[0]?.SEX).toBe('1');
    expect(copy.Header[0]?.SEX).toBe('M');
    expect(copy.UASC[0]?.SEX).toBe('M');
    expect({ ...copy.Header[0], SEX: '1' }).toEqual(own.Header[0]);
    expect(copy.Episodes).toEqual(own.Episodes);
    expect(() => buildReturn([child], { yearEnding: '2024-03-31', codesOf: '2025-04-01' })).toThrow(
      RangeError,
    );
  });
});
