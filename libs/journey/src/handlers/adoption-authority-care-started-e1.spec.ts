import type { JourneyCommand } from '../commands';
import type { JourneyEvent, PlacementDetails } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, careStarted, meta, registered, step } from '../testing/fixtures';

/**
 * A period of care that begins with legal status E1 began under a placement order granted before
 * the recorded history (care that began before the earliest imported 903 return): that order is
 * authority to place from the period's start. A period begun under any other status still needs
 * a placement order or consent recorded in it.
 */
const adopters: PlacementDetails = {
  placementType: 'A6',
  provider: 'PR2',
  postcode: 'YO1 7HH',
  urn: 'XXXXXXX',
  inArea: false,
};
const match = (effectiveDate: string): JourneyCommand => ({
  type: 'RecordMatch',
  childId: CHILD,
  effectiveDate,
  ...meta(),
});
const place = (effectiveDate: string): JourneyCommand => ({
  type: 'PlaceForAdoption',
  childId: CHILD,
  effectiveDate,
  placement: adopters,
  sameCarer: false,
  ...meta(),
});

const startedUnderOrder: JourneyEvent[] = [
  registered,
  careStarted('2024-05-10', 'E1'),
  step('AdoptionDecisionMade', '2024-05-10'),
];
const startedUnderC2: JourneyEvent[] = [
  registered,
  careStarted('2024-05-10', 'C2'),
  step('AdoptionDecisionMade', '2024-05-10'),
];

describe('authority to place when care began under a placement order (LS E1)', () => {
  it('Given care began with E1 and a decision, When a match is recorded, Then it is accepted', () =>
    given(startedUnderOrder)
      .when(match('2024-09-01'))
      .then([step('MatchedWithAdopters', '2024-09-01')]));

  it('Given care began with E1 and a match, When the child is placed with adopters (A6), Then it is accepted', () =>
    given([...startedUnderOrder, step('MatchedWithAdopters', '2024-09-01')])
      .when(place('2024-10-01'))
      .then([
        {
          type: 'PlacedForAdoption',
          data: { childId: CHILD, effectiveDate: '2024-10-01', placement: adopters, sameCarer: false },
        },
      ]));

  it('Given care began with C2 and a decision only, When a match is recorded, Then it is refused', () =>
    given(startedUnderC2).when(match('2024-09-01')).thenThrows('match-needs-authority-to-place'));
});
