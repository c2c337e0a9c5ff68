/**
 * Only a child can be looked after: care ends by the 18th birthday (national-definitions.md §1.3).
 * A start of care, a new episode or a review on or after it is refused; ending care is not; a
 * date-of-birth correction that would make a recorded period of care start at 18+ is refused.
 */
import { amendEntry } from '../testing/correction-commands';
import type { ChangePlacement, EndPeriodOfCare, RecordReview, StartPeriodOfCare } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import {
  CHILD,
  careEnded,
  careStarted,
  fosterU4,
  fosterU6,
  inCare,
  matched,
  meta,
  registered,
} from '../testing/fixtures';

const bornOn = (dateOfBirth: string, effectiveDate = '2020-01-06'): JourneyEvent => ({
  type: 'ChildRegistered',
  data: { ...registered.data, dateOfBirth, effectiveDate } as never,
});
const NOW = '2026-11-27T10:00:00Z';
const startCare = (effectiveDate: string): StartPeriodOfCare => ({
  type: 'StartPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  legalStatus: 'V2',
  categoryOfNeed: 'N1',
  placement: fosterU6,
  ...meta(NOW),
});
const move = (effectiveDate: string): ChangePlacement => ({
  type: 'ChangePlacement',
  childId: CHILD,
  effectiveDate,
  placement: fosterU4,
  reasonForChange: 'CARPL',
  sameCarer: false,
  ...meta(NOW),
});
const review = (effectiveDate: string): RecordReview => ({
  type: 'RecordReview',
  childId: CHILD,
  effectiveDate,
  participation: 'PN1',
  ...meta(NOW),
});
const endCare = (effectiveDate: string, reason: string): EndPeriodOfCare => ({
  type: 'EndPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  reason,
  ...meta(NOW),
});

describe('looked after only under 18', () => {
  it('given an adult born 1990-01-01, when care starts on 2026-10-01, then it is refused on the date', () =>
    given([bornOn('1990-01-01')])
      .when(startCare('2026-10-01'))
      .thenThrows('looked-after-only-under-18', 'effectiveDate'));

  it('given a child born 2008-10-30, when care starts on the 18th birthday, then it is refused', () =>
    given([bornOn('2008-10-30')])
      .when(startCare('2026-10-30'))
      .thenThrows('looked-after-only-under-18', 'effectiveDate'));

  it('given a child born 2008-10-30, when care starts the day before the 18th birthday, then it is accepted', () =>
    given([bornOn('2008-10-30')])
      .when(startCare('2026-10-29'))
      .then([{ type: 'PeriodOfCareStarted', data: { ...dataOf(startCare('2026-10-29')) } } as never]));

  describe('given a child born 2008-10-30 in care since 2024-05-10', () => {
    const inCareAt17 = [bornOn('2008-10-30'), careStarted('2024-05-10')];
    it('when the placement changes on the 18th birthday, then it is refused', () =>
      given(inCareAt17).when(move('2026-10-30')).thenThrows('looked-after-only-under-18', 'effectiveDate'));
    it('when the placement changes the day before, then it is accepted', () =>
      given(inCareAt17)
        .when(move('2026-10-29'))
        .then([{ type: 'PlacementChanged', data: dataOf(move('2026-10-29')) } as never]));
    it('when a review is recorded after the 18th birthday, then it is refused', () =>
      given(inCareAt17).when(review('2026-11-02')).thenThrows('looked-after-only-under-18', 'effectiveDate'));
    it('when care ends on the 18th birthday with E17 (stayed with carers), then it is accepted', () =>
      given(inCareAt17)
        .when(endCare('2026-10-30', 'E17'))
        .then([careEnded('2026-10-30', 'E17')]));
    it('when care still open after 18 ends later with E8, then it is accepted (the period can be closed)', () =>
      given(inCareAt17)
        .when(endCare('2026-11-20', 'E8'))
        .then([careEnded('2026-11-20', 'E8')]));
  });

  describe("given a young person born 2008-10-30 accommodated under s20 (V2) in a children's home (K2) since 17", () => {
    const communityHome = { ...fosterU6, placementType: 'K2' };
    const inK2 = [bornOn('2008-10-30'), careStarted('2024-05-10', 'V2', communityHome)];
    it('when a review is held after 18, then it is accepted (s20(5), 903 rule 359)', () =>
      expect(given(inK2).when(review('2026-11-02')).events()).toHaveLength(1));
    it('when the legal status changes to C2 after 18, then it is refused', () =>
      given(inK2)
        .when({
          type: 'ChangeLegalStatus',
          childId: CHILD,
          effectiveDate: '2026-11-02',
          legalStatus: 'C2',
          ...meta(NOW),
        })
        .thenThrows('looked-after-only-under-18', 'effectiveDate'));
    it('when the placement changes to foster care (U4) after 18, then it is refused', () =>
      given(inK2).when(move('2026-11-02')).thenThrows('looked-after-only-under-18', 'effectiveDate'));
  });

  describe('orders only for a child (903 rules 386, 407)', () => {
    const inCareAt17 = [bornOn('2008-10-30'), careStarted('2024-05-10')];
    it('when an SGO to the foster carer (E46) ends care on the 18th birthday, then it is accepted', () =>
      given(inCareAt17)
        .when(endCare('2026-10-30', 'E46'))
        .then([careEnded('2026-10-30', 'E46')]));
    it('when an SGO (E46) ends care the day after the 18th birthday, then it is refused on reason', () =>
      given(inCareAt17).when(endCare('2026-10-31', 'E46')).thenThrows('sgo-by-18-903-rule-407', 'reason'));
    it('when an adoption order is granted after the 18th birthday, then it is refused on the date', () =>
      // Born 2007-06-01: 18 on 2025-06-01, after the placement with adopters, before the order.
      given([
        bornOn('2007-06-01'),
        ...matched.slice(1),
        {
          type: 'PlacedForAdoption',
          data: {
            childId: CHILD,
            effectiveDate: '2025-02-20',
            placement: { ...fosterU4, placementType: 'A4' },
            sameCarer: false,
          },
        },
      ])
        .when({
          type: 'GrantAdoptionOrder',
          childId: CHILD,
          effectiveDate: '2025-06-12',
          adoptedByFosterCarer: false,
          numberOfAdopters: 2,
          adopterSex: 'MF',
          adopterLegalStatus: 'L11',
          application: 'unopposed',
          ...meta(NOW),
        } as never)
        .thenThrows('adoption-under-18-903-rule-386', 'effectiveDate'));
  });

  it('given a 29 February birthday, then the child is 18 only on 1 March in a common year', () => {
    const leapling = [bornOn('2008-02-29'), careStarted('2024-05-10')];
    given(leapling)
      .when(move('2026-02-28'))
      .then([{ type: 'PlacementChanged', data: dataOf(move('2026-02-28')) } as never]);
    given(leapling).when(move('2026-03-01')).thenThrows('looked-after-only-under-18', 'effectiveDate');
  });
});

describe('a date-of-birth correction for a child in care', () => {
  // e1 is the registration (born 2019-03-02), e2 the start of care on 2024-05-10.
  const amendBirth = (dateOfBirth: string) =>
    amendEntry('e1', { dateOfBirth }, 'Date of birth typed wrongly');
  it('given care started 2024-05-10, when the date of birth is amended to 1995-01-01, then it is refused', () =>
    given(inCare).when(amendBirth('1995-01-01')).thenThrows('looked-after-only-under-18'));
  it('given care started 2024-05-10, when the date of birth is amended to 2006-05-10 (18 that day), then it is refused', () =>
    given(inCare).when(amendBirth('2006-05-10')).thenThrows('looked-after-only-under-18'));
  it('given care started 2024-05-10, when the date of birth is amended to 2006-05-11, then it is accepted', () =>
    expect(given(inCare).when(amendBirth('2006-05-11')).events()).toHaveLength(1));
});

function dataOf<C extends { type: string; now: string; recordedBy: string }>(command: C) {
  const { type: _t, now: _n, recordedBy: _r, ...data } = command;
  return data;
}
