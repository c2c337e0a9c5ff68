/**
 * Time-limited legal statuses (L1 72 hours, L2 21 days, L3 7 days: 903 rules 361–363) and temporary
 * placements (T1 6 weeks, T3 3 weeks, T4 7 days: 903 rules 375, 376, 379) are refused when the entry
 * that ends them ends them late, whichever entry that is.
 */
import { amendEntry } from '../testing/correction-commands';
import type {
  ChangeLegalStatus,
  EndPeriodOfCare,
  EndTemporaryPlacement,
  GrantPlacementOrder,
  RecordReview,
} from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import {
  CHILD,
  careEnded,
  careStarted,
  legalStatusChanged,
  meta,
  placementChanged,
  registered,
  reviewHeld,
  step,
} from '../testing/fixtures';

// Care starts on 2024-05-10.
const startedUnder = (legalStatus: string): JourneyEvent[] => [
  registered,
  careStarted('2024-05-10', legalStatus),
];

const changeTo = (effectiveDate: string, legalStatus = 'C1'): ChangeLegalStatus => ({
  type: 'ChangeLegalStatus',
  childId: CHILD,
  effectiveDate,
  legalStatus,
  ...meta(),
});
const endCare = (effectiveDate: string): EndPeriodOfCare => ({
  type: 'EndPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  reason: 'E4B',
  ...meta(),
});
const review = (effectiveDate: string): RecordReview => ({
  type: 'RecordReview',
  childId: CHILD,
  effectiveDate,
  participation: 'PN1',
  ...meta(),
});
const temporary = (effectiveDate: string, placementType: 'T1' | 'T2' | 'T3' | 'T4'): JourneyEvent => ({
  type: 'TemporaryPlacementStarted',
  data: { childId: CHILD, effectiveDate, placementType },
});
const goBack = (effectiveDate: string): EndTemporaryPlacement => ({
  type: 'EndTemporaryPlacement',
  childId: CHILD,
  effectiveDate,
  ...meta(),
});

describe('legal statuses with a time limit', () => {
  describe('L1 police protection: 72 hours (903 rule 361)', () => {
    it('given L1 from 10 May, when it changes to C1 on 13 May (3 days), then it is accepted', () =>
      given(startedUnder('L1'))
        .when(changeTo('2024-05-13'))
        .then([legalStatusChanged('2024-05-13', 'C1')]));
    it('given L1 from 10 May, when it changes to C1 on 19 May (9 days), then it is refused on the date', () =>
      given(startedUnder('L1'))
        .when(changeTo('2024-05-19'))
        .thenThrows('l1-over-72-hours-903-rule-361', 'effectiveDate'));
    it('given L1 from 10 May and a move on 12 May, when it changes on 14 May, then the move did not restart the clock', () =>
      given([...startedUnder('L1'), placementChanged('2024-05-12')])
        .when(changeTo('2024-05-14'))
        .thenThrows('l1-over-72-hours-903-rule-361', 'effectiveDate'));
    it('given L1 from 10 May, when care ends on 19 May, then it is refused', () =>
      given(startedUnder('L1'))
        .when(endCare('2024-05-19'))
        .thenThrows('l1-over-72-hours-903-rule-361', 'effectiveDate'));
    it('given L1 from 10 May, when care ends on 12 May, then it is accepted', () =>
      expect(given(startedUnder('L1')).when(endCare('2024-05-12')).events()).toHaveLength(1));
    it('says the limit, the reference rule and the last day allowed', () => {
      try {
        given(startedUnder('L1')).when(changeTo('2024-05-19')).events();
        throw new Error('not refused');
      } catch (error) {
        expect((error as Error).message).toContain('72 hours');
        expect((error as Error).message).toContain('903 validation rule 361');
        expect((error as Error).message).toContain('by 2024-05-13');
        expect((error as Error).message).toContain('9 days');
      }
    });
  });

  describe('L2 emergency protection order: 21 days (903 rule 362)', () => {
    it('given L2 from 10 May, when it changes on 31 May (21 days), then it is accepted', () =>
      given(startedUnder('L2'))
        .when(changeTo('2024-05-31'))
        .then([legalStatusChanged('2024-05-31', 'C1')]));
    it('given L2 from 10 May, when it changes on 1 June (22 days), then it is refused', () =>
      given(startedUnder('L2'))
        .when(changeTo('2024-06-01'))
        .thenThrows('l2-over-21-days-903-rule-362', 'effectiveDate'));
    it('given L2 since a change on 1 June, when it changes again on 30 June, then the limit runs from 1 June', () =>
      given([...startedUnder('C1'), legalStatusChanged('2024-06-01', 'L2')])
        .when(changeTo('2024-06-30', 'C2'))
        .thenThrows('l2-over-21-days-903-rule-362', 'effectiveDate'));
  });

  describe('L3 child assessment order: 7 days (903 rule 363)', () => {
    it('given L3 from 10 May, when it changes on 17 May (7 days), then it is accepted', () =>
      given(startedUnder('L3'))
        .when(changeTo('2024-05-17'))
        .then([legalStatusChanged('2024-05-17', 'C1')]));
    it('given L3 from 10 May, when it changes on 18 May (8 days), then it is refused', () =>
      given(startedUnder('L3'))
        .when(changeTo('2024-05-18'))
        .thenThrows('l3-over-7-days-903-rule-363', 'effectiveDate'));
  });

  it('given L2 from 10 May and an adoption decision, when a placement order is granted on 20 June, then it is refused', () => {
    const order: GrantPlacementOrder = {
      type: 'GrantPlacementOrder',
      childId: CHILD,
      effectiveDate: '2024-06-20',
      ...meta(),
    };
    given([...startedUnder('L2'), step('AdoptionDecisionMade', '2024-05-20')])
      .when(order)
      .thenThrows('l2-over-21-days-903-rule-362', 'effectiveDate');
  });

  it('given statuses with no limit (C1), when they last a year, then nothing is refused', () =>
    given(startedUnder('C1'))
      .when(changeTo('2025-05-10', 'C2'))
      .then([legalStatusChanged('2025-05-10', 'C2')]));

  it('given L1 still open after 9 days, when an unrelated entry (a review) is recorded, then it is accepted (nothing ends the L1)', () =>
    given(startedUnder('L1'))
      .when(review('2024-05-19'))
      .then([reviewHeld('2024-05-19')]));

  it('given L1 ended in time, when the change is amended to a later date past the limit, then the amendment is refused', () => {
    // e1 registration, e2 start of care (L1), e3 the change to C1 on 12 May.
    const amendment = amendEntry('e3', { ...legalStatusChanged('2024-05-20', 'C1').data });
    given([...startedUnder('L1'), legalStatusChanged('2024-05-12', 'C1')])
      .when(amendment)
      .thenThrows('l1-over-72-hours-903-rule-361');
  });

  it('given L1 from 10 May that ended with care, when a new period starts under C1 a month later, then it is accepted', () =>
    expect(
      given([...startedUnder('L1'), careEnded('2024-05-12', 'E4B')])
        .when({
          type: 'StartPeriodOfCare',
          childId: CHILD,
          effectiveDate: '2024-06-12',
          legalStatus: 'C1',
          categoryOfNeed: 'N1',
          placement: {
            placementType: 'U6',
            provider: 'PR1',
            postcode: 'LS6 2AB',
            urn: 'SC123456',
            inArea: true,
          },
          ...meta(),
        })
        .events(),
    ).toHaveLength(1));
});

describe('temporary placements with a time limit', () => {
  const inCare = startedUnder('C1');
  it('given T4 from 1 June, when the child goes back on 8 June (7 days), then it is accepted', () =>
    expect(
      given([...inCare, temporary('2024-06-01', 'T4')])
        .when(goBack('2024-06-08'))
        .events(),
    ).toHaveLength(1));
  it('given T4 from 1 June, when the child goes back on 20 June (19 days), then it is refused (903 rule 379)', () =>
    given([...inCare, temporary('2024-06-01', 'T4')])
      .when(goBack('2024-06-20'))
      .thenThrows('t4-over-7-days-903-rule-379', 'effectiveDate'));
  it('given T1 hospital from 1 June, when the child goes back after 42 days, then it is accepted', () =>
    expect(
      given([...inCare, temporary('2024-06-01', 'T1')])
        .when(goBack('2024-07-13'))
        .events(),
    ).toHaveLength(1));
  it('given T1 hospital from 1 June, when the child goes back after 43 days, then it is refused (903 rule 375)', () =>
    given([...inCare, temporary('2024-06-01', 'T1')])
      .when(goBack('2024-07-14'))
      .thenThrows('t1-over-6-weeks-903-rule-375', 'effectiveDate'));
  it('given T3 from 1 June, when the child goes back after 22 days, then it is refused (903 rule 376)', () =>
    given([...inCare, temporary('2024-06-01', 'T3')])
      .when(goBack('2024-06-23'))
      .thenThrows('t3-over-3-weeks-903-rule-376', 'effectiveDate'));
  it('given T3 from 1 June, when the child goes back after 21 days, then it is accepted', () =>
    expect(
      given([...inCare, temporary('2024-06-01', 'T3')])
        .when(goBack('2024-06-22'))
        .events(),
    ).toHaveLength(1));
  it('given T2 holiday (no limit), when the child goes back after 60 days, then it is accepted', () =>
    expect(
      given([...inCare, temporary('2024-06-01', 'T2')])
        .when(goBack('2024-07-31'))
        .events(),
    ).toHaveLength(1));
});
