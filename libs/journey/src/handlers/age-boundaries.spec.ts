/**
 * Rules that turn on a birthday, tested on the birthday itself and the day before (review L2: a
 * `>= 4` mutated to `> 4` passed every spec). A child is N on their Nth birthday.
 * PN0 under 4 (903 V 440, 441), K3 supported accommodation 16+, E17 18+, youth justice 10+.
 * Looking after stops at the 18th birthday: looked-after-age.spec.ts has both sides already.
 */
import type { ChangeLegalStatus, ChangePlacement, EndPeriodOfCare, RecordReview } from '../commands';
import type { JourneyEvent, PlacementDetails } from '../events';
import { given } from '../testing/decider-specification';
import {
  CHILD,
  careEnded,
  careStarted,
  legalStatusChanged,
  meta,
  registered,
  reviewHeld,
} from '../testing/fixtures';

const NOW = '2026-11-27T10:00:00Z';
const bornOn = (dateOfBirth: string, effectiveDate: string): JourneyEvent => ({
  type: 'ChildRegistered',
  data: { ...registered.data, dateOfBirth, effectiveDate } as never,
});
const review = (effectiveDate: string, participation: string): RecordReview => ({
  type: 'RecordReview',
  childId: CHILD,
  effectiveDate,
  participation,
  ...meta(NOW),
});
const supported: PlacementDetails = {
  placementType: 'K3',
  provider: 'PR4',
  postcode: 'CB4 1UW',
  urn: '2771234',
};
const moveToK3 = (effectiveDate: string): ChangePlacement => ({
  type: 'ChangePlacement',
  childId: CHILD,
  effectiveDate,
  placement: supported,
  reasonForChange: 'CARPL',
  sameCarer: false,
  ...meta(NOW),
});
const endCare = (effectiveDate: string, reason: string): EndPeriodOfCare => ({
  type: 'EndPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  reason,
  ...meta(NOW),
});
const changeLegalStatus = (effectiveDate: string, legalStatus: string): ChangeLegalStatus => ({
  type: 'ChangeLegalStatus',
  childId: CHILD,
  effectiveDate,
  legalStatus,
  ...meta(NOW),
});

describe('PN0 and the 4th birthday (born 2019-03-02, 4 on 2023-03-02)', () => {
  const inCareAt3 = [bornOn('2019-03-02', '2023-01-01'), careStarted('2023-01-10')];
  it('Given a review on the 4th birthday, When it is recorded as PN0, Then it is refused: the child is 4', () =>
    given(inCareAt3).when(review('2023-03-02', 'PN0')).thenThrows('pn0-only-under-4', 'participation'));
  it('Given a review on the 4th birthday, When it is recorded as PN1, Then it is accepted', () =>
    given(inCareAt3)
      .when(review('2023-03-02', 'PN1'))
      .then([reviewHeld('2023-03-02', 'PN1')]));
  it('Given a review the day before, When it is recorded as PN1, Then it is refused: PN0 is required under 4', () =>
    given(inCareAt3).when(review('2023-03-01', 'PN1')).thenThrows('pn0-required-under-4', 'participation'));
});

describe('K3 supported accommodation and the 16th birthday (born 2008-06-01, 16 on 2024-06-01)', () => {
  const inCareAt15 = [bornOn('2008-06-01', '2024-05-01'), careStarted('2024-05-10')];
  it('Given a move to K3 on the 16th birthday, Then it is accepted', () =>
    given(inCareAt15)
      .when(moveToK3('2024-06-01'))
      .then([
        {
          type: 'PlacementChanged',
          data: {
            childId: CHILD,
            effectiveDate: '2024-06-01',
            placement: supported,
            reasonForChange: 'CARPL',
            sameCarer: false,
          },
        },
      ]));
  it('Given a move to K3 the day before, Then it is refused naming the placement type', () =>
    given(inCareAt15).when(moveToK3('2024-05-31')).thenThrows('k3-under-16', 'placement.placementType'));
});

describe('E17 and the 18th birthday (born 2007-03-02, 18 on 2025-03-02)', () => {
  const inCareAt17 = [bornOn('2007-03-02', '2024-05-01'), careStarted('2024-05-10')];
  it('Given care ending with E17 on the 18th birthday, Then it is accepted', () =>
    given(inCareAt17)
      .when(endCare('2025-03-02', 'E17'))
      .then([careEnded('2025-03-02', 'E17')]));
  it('Given care ending with E17 the day before, Then it is refused naming the reason', () =>
    given(inCareAt17).when(endCare('2025-03-01', 'E17')).thenThrows('e17-needs-age-18', 'reason'));
});

describe('Youth justice legal statuses and the 10th birthday (born 2014-07-01, 10 on 2024-07-01)', () => {
  const inCareAt9 = [bornOn('2014-07-01', '2024-05-01'), careStarted('2024-05-10')];
  it('Given a change to J2 on the 10th birthday, Then it is accepted', () =>
    given(inCareAt9)
      .when(changeLegalStatus('2024-07-01', 'J2'))
      .then([legalStatusChanged('2024-07-01', 'J2')]));
  it('Given a change to J2 the day before, Then it is refused naming the legal status', () =>
    given(inCareAt9)
      .when(changeLegalStatus('2024-06-30', 'J2'))
      .thenThrows('youth-justice-under-10', 'legalStatus'));
});
