/**
 * Who has an OC2 row: children looked after continuously for 12 months at 31 March, as the DfE
 * validator reads it (lac_validator utils, CONTINUOUSLY_LOOKED_AFTER, from the DfE 2021-22 validation
 * rules): not if an episode in the year is V3/V4, starts S after 1 April or ends other than X1 before
 * 31 March. So a child leaving care on 31 March is in; a child on short breaks is not.
 */
import type { JourneyEvent } from '@care-journey/journey';
import { buildReturn } from './build-return';
import { childRecord } from './child-record';
import { specRegistration } from './testing/spec-registration';

const foster = { placementType: 'U6', provider: 'PR1', postcode: 'CB1 2GF', urn: 'SC100001' };
const childOf = (childRef: string, ...care: Array<[string, string, string?]>) => {
  const childId = `c-${childRef}`;
  const events: JourneyEvent[] = [
    {
      type: 'ChildRegistered',
      data: {
        childId,
        ...specRegistration({ childRef, effectiveDate: '2015-01-01', dateOfBirth: '2012-05-01', sex: '2' }),
      },
    },
    ...care.map(([type, effectiveDate, code]): JourneyEvent => {
      if (type === 'start')
        return {
          type: 'PeriodOfCareStarted',
          data: { childId, effectiveDate, legalStatus: code!, categoryOfNeed: 'N1', placement: foster },
        };
      if (type === 'ls')
        return { type: 'LegalStatusChanged', data: { childId, effectiveDate, legalStatus: code! } };
      return { type: 'PeriodOfCareEnded', data: { childId, effectiveDate, reason: code! } };
    }),
  ];
  return childRecord(
    events.map((e, i) => ({
      ...e,
      id: `${childRef}-${i}`,
      recordedAt: '2025-06-01T10:00:00Z',
      recordedBy: 'sw',
    })),
  )!;
};

describe('903 OC2 cohort (looked after continuously for 12 months at 31 March)', () => {
  const yearEnding = '2025-03-31';
  const oc2Of = (...children: ReturnType<typeof childOf>[]) =>
    buildReturn(children, { yearEnding }).OC2.map((r) => r.CHILD);

  it('Given a child on a short-break agreement (V4) since June 2023, When 2024/25 is exported, Then there is no OC2 row', () =>
    expect(oc2Of(childOf('V4ALL', ['start', '2023-06-01', 'V4']))).toEqual([]));

  it('Given a child on V3 breaks until a care order on 10 April 2024, When 2024/25 is exported, Then there is no OC2 row (a V3 episode in the year)', () =>
    expect(oc2Of(childOf('V3THENC2', ['start', '2023-06-01', 'V3'], ['ls', '2024-04-10', 'C2']))).toEqual(
      [],
    ));

  it('Given a child in care since June 2022 who left on 31 March 2025, When 2024/25 is exported, Then there is an OC2 row, as the validator counts it', () =>
    expect(oc2Of(childOf('LEFT3103', ['start', '2022-06-01', 'C2'], ['end', '2025-03-31', 'E4A']))).toEqual([
      'LEFT3103',
    ]));

  it('Given a child who left on 30 March 2025, When 2024/25 is exported, Then there is no OC2 row', () =>
    expect(oc2Of(childOf('LEFT3003', ['start', '2022-06-01', 'C2'], ['end', '2025-03-30', 'E4A']))).toEqual(
      [],
    ));
});
