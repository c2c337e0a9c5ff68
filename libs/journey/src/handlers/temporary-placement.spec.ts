import type { EndTemporaryPlacement, StartTemporaryPlacement } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, careStarted, inCare, meta, registered, step } from '../testing/fixtures';

const start = (
  effectiveDate: string,
  placementType: StartTemporaryPlacement['placementType'] = 'T1',
): StartTemporaryPlacement => ({
  type: 'StartTemporaryPlacement',
  childId: CHILD,
  effectiveDate,
  placementType,
  ...meta(),
});
const end = (effectiveDate: string): EndTemporaryPlacement => ({
  type: 'EndTemporaryPlacement',
  childId: CHILD,
  effectiveDate,
  ...meta(),
});
const started = (effectiveDate: string): JourneyEvent => ({
  type: 'TemporaryPlacementStarted',
  data: { childId: CHILD, effectiveDate, placementType: 'T1' },
});

describe('StartTemporaryPlacement', () => {
  it('starts a hospital stay', () =>
    given(inCare)
      .when(start('2024-08-01'))
      .then([started('2024-08-01')]));
  it('needs care', () =>
    given([registered]).when(start('2024-08-01')).thenThrows('placement-outside-period-of-care'));
  it('only takes T0–T4', () =>
    given(inCare)
      .when(start('2024-08-01', 'U6' as never))
      .thenThrows('invalid-placement-type', 'placementType'));
  it('not for children on short breaks', () =>
    given([registered, careStarted('2024-05-10', 'V3')])
      .when(start('2024-05-11'))
      .thenThrows('no-temporary-placement-for-short-breaks'));
  it('one at a time', () =>
    given([...inCare, started('2024-08-01')])
      .when(start('2024-08-03', 'T2'))
      .thenThrows('temporary-placement-already-open'));
  it('not on the day the placement started', () =>
    given(inCare).when(start('2024-05-10')).thenThrows('episode-same-day'));
});

describe('EndTemporaryPlacement', () => {
  it('returns the child to the usual placement', () =>
    given([...inCare, started('2024-08-01')])
      .when(end('2024-08-09'))
      .then([step('TemporaryPlacementEnded', '2024-08-09')]));
  it('needs a temporary placement open', () =>
    given(inCare).when(end('2024-08-09')).thenThrows('no-temporary-placement-open'));
  it('is not the same day it started', () =>
    given([...inCare, started('2024-08-01')])
      .when(end('2024-08-01'))
      .thenThrows('episode-same-day'));
  it('is not before it started', () =>
    given([...inCare, started('2024-08-01')])
      .when(end('2024-07-20'))
      .thenThrows('placement-before-current-placement'));
});
