import type { ChangePlacement } from '../commands';
import type { JourneyEvent, PlacementDetails } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, careEnded, fosterU4, inCare, meta, placementChanged, registered } from '../testing/fixtures';

const change = (
  effectiveDate: string,
  placement: PlacementDetails = fosterU4,
  reasonForChange = 'CARPL',
): ChangePlacement => ({
  type: 'ChangePlacement',
  childId: CHILD,
  effectiveDate,
  placement,
  reasonForChange,
  sameCarer: false,
  ...meta(),
});

describe('ChangePlacement', () => {
  it('moves the child', () =>
    given(inCare)
      .when(change('2024-09-01'))
      .then([placementChanged('2024-09-01')]));
  it('records a change of status with the same carer', () =>
    given(inCare)
      .when({
        ...change('2024-09-01', { ...fosterU4, placementType: 'U4', provider: 'PR1' }, 'PLACE'),
        sameCarer: true,
      })
      .then([
        placementChanged('2024-09-01', { ...fosterU4, placementType: 'U4', provider: 'PR1' }, 'PLACE', true),
      ]));
  it('needs the child in care', () =>
    given([registered])
      .when(change('2024-09-01'))
      .thenThrows('placement-outside-period-of-care', 'effectiveDate'));
  it('is not before care started', () =>
    given(inCare).when(change('2024-05-01')).thenThrows('placement-outside-period-of-care'));
  it('is not after care ended', () =>
    given([...inCare, careEnded('2024-08-01')])
      .when(change('2024-09-01'))
      .thenThrows('placement-outside-period-of-care'));
  it('does not go back before the current placement', () =>
    given([...inCare, placementChanged('2024-09-01')])
      .when(change('2024-08-01', { placementType: 'K2', provider: 'PR4' }))
      .thenThrows('placement-before-current-placement'));
  it('does not start and end a placement on one day', () =>
    given(inCare).when(change('2024-05-10')).thenThrows('episode-same-day'));
  it.each(['=HYPERLINK("x")', 'SC 123456', 'SC1234567', ''])(
    'refuses a URN that is no Ofsted URN: %j',
    (urn) =>
      given(inCare)
        .when(change('2024-09-01', { ...fosterU4, urn }))
        .thenThrows('invalid-urn', 'placement.urn'),
  );
  it('refuses CUSTOD for a child under 10 when the ending episode began (903 rule 234)', () =>
    given(inCare)
      .when(change('2024-09-01', fosterU4, 'CUSTOD'))
      .thenThrows('custody-under-10-903-rule-234', 'reasonForChange'));
  it('takes CUSTOD for a child 10 or over when the ending episode began', () => {
    const older = {
      ...registered,
      data: { ...(registered.data as object), dateOfBirth: '2012-03-02' },
    } as JourneyEvent;
    return given([older, ...inCare.slice(1)])
      .when(change('2024-09-01', fosterU4, 'CUSTOD'))
      .then([placementChanged('2024-09-01', fosterU4, 'CUSTOD')]);
  });
  it('takes an Ofsted URN or XXXXXXX', () =>
    given(inCare)
      .when(change('2024-09-01', { ...fosterU4, urn: 'XXXXXXX' }))
      .then([placementChanged('2024-09-01', { ...fosterU4, urn: 'XXXXXXX' })]));
  it('checks the placement type', () =>
    given(inCare)
      .when(change('2024-09-01', { placementType: 'U9', provider: 'PR1' }))
      .thenThrows('invalid-placement-type'));
  it('knows H5 ended in March 2025', () =>
    given(inCare)
      .when(change('2025-04-05', { placementType: 'H5', provider: 'PR4' }))
      .thenThrows('invalid-placement-type', 'placement.placementType'));
  it('sends temporary placements to their own command', () =>
    given(inCare)
      .when(change('2024-09-01', { placementType: 'T2' }))
      .thenThrows('temporary-placement-via-change'));
  it('sends adoption placements to PlaceForAdoption', () =>
    given(inCare)
      .when(change('2024-09-01', { placementType: 'A4', provider: 'PR1' }))
      .thenThrows('adoption-placement-via-change'));
  it('has no provider for T/Z placements', () =>
    given(inCare)
      .when(change('2024-09-01', { placementType: 'Z1', provider: 'PR4' }))
      .thenThrows('provider-not-allowed'));
  it('uses PR0 only with P1', () =>
    given(inCare)
      .when(change('2024-09-01', { placementType: 'K2', provider: 'PR0' }))
      .thenThrows('pr0-only-with-p1'));
  it('checks the reason for change', () =>
    given(inCare)
      .when(change('2024-09-01', fosterU4, 'BORED'))
      .thenThrows('invalid-reason-for-change', 'reasonForChange'));
  it('needs sameCarer', () =>
    given(inCare)
      .when({ ...change('2024-09-01'), sameCarer: undefined as never })
      .thenThrows('required-field', 'sameCarer'));
  it('waits for a temporary placement to end', () =>
    given([
      ...inCare,
      {
        type: 'TemporaryPlacementStarted',
        data: { childId: CHILD, effectiveDate: '2024-08-01', placementType: 'T1' },
      },
    ])
      .when(change('2024-09-01'))
      .thenThrows('temporary-placement-open'));
  it('is not in the future', () => given(inCare).when(change('2025-07-01')).thenThrows('date-in-future'));
});
