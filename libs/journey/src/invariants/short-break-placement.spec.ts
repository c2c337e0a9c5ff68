import type { ChangeLegalStatus, ChangePlacement, StartPeriodOfCare } from '../commands';
import { given } from '../testing/decider-specification';
import {
  CARE_START,
  CHILD,
  careStarted,
  fosterU4,
  fosterU6,
  meta,
  placementChanged,
  registered,
} from '../testing/fixtures';

const fosterU1 = { ...fosterU4, placementType: 'U1' } as typeof fosterU4;
const start = (legalStatus: string, placement = fosterU6): StartPeriodOfCare => ({
  type: 'StartPeriodOfCare',
  childId: CHILD,
  effectiveDate: CARE_START,
  legalStatus,
  categoryOfNeed: 'N1',
  placement,
  ...meta(),
});
const move = (placement = fosterU4): ChangePlacement => ({
  type: 'ChangePlacement',
  childId: CHILD,
  effectiveDate: '2024-05-12',
  placement,
  reasonForChange: 'CARPL',
  sameCarer: false,
  ...meta(),
});
const toStatus = (legalStatus: string): ChangeLegalStatus => ({
  type: 'ChangeLegalStatus',
  childId: CHILD,
  effectiveDate: '2024-06-01',
  legalStatus,
  ...meta(),
});

describe('short breaks are never in long-term foster placements (903 rule 384)', () => {
  it.each([
    ['V3', fosterU4],
    ['V4', fosterU1],
  ])(
    'Given a registered child, When care starts under %s in a long-term foster placement, Then it is refused',
    (ls, placement) =>
      given([registered])
        .when(start(ls, placement))
        .thenThrows('short-break-not-long-term-foster', 'placement.placementType'),
  );

  it('Given a registered child, When a V3 break starts in a short-term foster placement (U6), Then it is recorded', () =>
    given([registered])
      .when(start('V3'))
      .then([careStarted(CARE_START, 'V3')]));

  it('Given a child on a V3 break, When the placement changes to U4, Then it is refused', () =>
    given([registered, careStarted(CARE_START, 'V3')])
      .when(move())
      .thenThrows('short-break-not-long-term-foster', 'placement.placementType'));

  it('Given a child on a C2 order, When the placement changes to U4, Then it is recorded', () =>
    given([registered, careStarted(CARE_START, 'C2')])
      .when(move())
      .then([placementChanged('2024-05-12')]));

  it('Given a child in a U4 placement, When the legal status changes to V4, Then it is refused', () =>
    given([registered, careStarted(CARE_START, 'V2'), placementChanged('2024-05-12')])
      .when(toStatus('V4'))
      .thenThrows('short-break-not-long-term-foster', 'legalStatus'));
});
