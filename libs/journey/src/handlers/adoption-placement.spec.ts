import type { GrantAdoptionOrder, PlaceForAdoption } from '../commands';
import type { JourneyEvent, PlacementDetails } from '../events';
import { amendEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import {
  CHILD,
  inCare,
  legalStatusChanged,
  matched,
  meta,
  placementChanged,
  registered,
  step,
} from '../testing/fixtures';

const adopters: PlacementDetails = {
  placementType: 'A6',
  provider: 'PR2',
  postcode: 'YO1 7HH',
  urn: 'XXXXXXX',
  inArea: false,
};
const place = (
  effectiveDate: string,
  placement: PlacementDetails = adopters,
  sameCarer = false,
): PlaceForAdoption => ({
  type: 'PlaceForAdoption',
  childId: CHILD,
  effectiveDate,
  placement,
  sameCarer,
  ...meta(),
});
const placed = (
  effectiveDate: string,
  placement: PlacementDetails = adopters,
  sameCarer = false,
): JourneyEvent => ({
  type: 'PlacedForAdoption',
  data: { childId: CHILD, effectiveDate, placement, sameCarer },
});

describe('PlaceForAdoption', () => {
  it('moves in with the adopters after the match', () =>
    given(matched)
      .when(place('2025-02-20'))
      .then([placed('2025-02-20')]));
  it('with the current foster carer (A5) as the same carer', () =>
    given(matched)
      .when(place('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true))
      .then([placed('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true)]));
  it('A5 needs the current placement to be foster care', () =>
    given([
      ...matched.slice(0, 2),
      placementChanged('2024-06-01', { placementType: 'K2', provider: 'PR4' }),
      ...matched.slice(2),
    ])
      .when(place('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true))
      .thenThrows('adoption-with-foster-carer-needs-foster-placement'));
  it('A5 is the same carer', () =>
    given(matched)
      .when(place('2025-02-20', { placementType: 'A5', provider: 'PR1' }, false))
      .thenThrows('adoption-placement-carer-mismatch', 'sameCarer'));
  it('A6 is a new carer', () =>
    given(matched)
      .when(place('2025-02-20', adopters, true))
      .thenThrows('adoption-placement-carer-mismatch'));
  it('needs a match', () =>
    given(matched.slice(0, -1)).when(place('2025-02-20')).thenThrows('placed-for-adoption-needs-match'));
  it('needs the match by the move-in date', () =>
    given(matched).when(place('2025-01-10')).thenThrows('placed-for-adoption-needs-match'));
  it('needs a decision', () =>
    given(inCare).when(place('2025-02-20')).thenThrows('placed-for-adoption-needs-match'));
  it('A3/A4 need parental consent', () =>
    given(matched)
      .when(place('2025-02-20', { placementType: 'A4', provider: 'PR2' }))
      .thenThrows('adoption-placement-needs-consent'));
  it('A5/A6 need a placement order', () =>
    given([
      ...inCare,
      step('AdoptionDecisionMade', '2024-08-01'),
      step('AdoptionConsentGiven', '2024-09-01'),
      step('MatchedWithAdopters', '2024-12-01'),
    ])
      .when(place('2025-02-20'))
      .thenThrows('adoption-placement-needs-placement-order'));
  it('only adoption placement codes', () =>
    given(matched)
      .when(place('2025-02-20', { placementType: 'K2', provider: 'PR1' }))
      .thenThrows('invalid-adoption-placement-type'));
  it('Given an open decision, When fostering for adoption (U5) is sent as placed for adoption, Then it is refused on placement.placementType: it is a change of placement', () =>
    given([...inCare, step('AdoptionDecisionMade', '2024-08-01')])
      .when(place('2024-08-10', { placementType: 'U5', provider: 'PR1' }))
      .thenThrows('fostering-for-adoption-is-a-placement-change', 'placement.placementType'));
  it('Given a match, When U2 (fostering for adoption with a relative) is sent as placed for adoption, Then it is refused too', () =>
    given(matched)
      .when(place('2025-02-20', { placementType: 'U2', provider: 'PR1' }))
      .thenThrows('fostering-for-adoption-is-a-placement-change', 'placement.placementType'));
  it('Given fostering for adoption recorded as a change of placement (U5), When the child is placed with those carers (A5, same carer), Then it is accepted', () =>
    given([...matched, placementChanged('2025-01-20', { placementType: 'U5', provider: 'PR1' })])
      .when(place('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true))
      .then([placed('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true)]));
  it('Given a stored "placed for adoption" with U5 (accepted before it was refused), When the child is placed with those carers (A5, same carer), Then it is accepted: U5 was no move-in', () =>
    given([...matched, placed('2025-01-20', { placementType: 'U5', provider: 'PR1' })])
      .when(place('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true))
      .then([placed('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true)]));
  it('Given a stored "placed for adoption" with U5, When another entry is corrected, Then the old U5 entry (which the rules now refuse) does not block the correction', () => {
    const events = [...matched, placed('2025-01-20', { placementType: 'U5', provider: 'PR1' })];
    const match = `e${matched.length}`;
    expect(
      given(events)
        .when(amendEntry(match, { effectiveDate: '2025-01-10' }))
        .events(),
    ).toEqual([expect.objectContaining({ type: 'EntryAmended' })]);
  });
  it('only once per decision', () =>
    given([...matched, placed('2025-02-20')])
      .when(place('2025-03-20'))
      .thenThrows('already-placed-for-adoption'));
  it('checks the provider', () =>
    given(matched)
      .when(place('2025-02-20', { placementType: 'A6' }))
      .thenThrows('provider-required'));
  it('needs care', () =>
    given([registered]).when(place('2025-02-20')).thenThrows('adoption-step-outside-period-of-care'));
  it('waits for a temporary placement to end', () =>
    given([
      ...matched,
      {
        type: 'TemporaryPlacementStarted',
        data: { childId: CHILD, effectiveDate: '2025-02-01', placementType: 'T2' },
      },
    ])
      .when(place('2025-02-20'))
      .thenThrows('temporary-placement-open'));
});

const order = (changes: Partial<GrantAdoptionOrder> = {}): GrantAdoptionOrder => ({
  type: 'GrantAdoptionOrder',
  childId: CHILD,
  effectiveDate: '2025-06-12',
  adoptedByFosterCarer: false,
  numberOfAdopters: 2,
  adopterSex: 'MF',
  adopterLegalStatus: 'L11',
  application: 'unopposed',
  ...meta(),
  ...changes,
});
const orderGranted: JourneyEvent = {
  type: 'AdoptionOrderGranted',
  data: {
    childId: CHILD,
    effectiveDate: '2025-06-12',
    adoptedByFosterCarer: false,
    numberOfAdopters: 2,
    adopterSex: 'MF',
    adopterLegalStatus: 'L11',
  },
};
const ended = (reason: string): JourneyEvent => ({
  type: 'PeriodOfCareEnded',
  data: { childId: CHILD, effectiveDate: '2025-06-12', reason },
});

describe('GrantAdoptionOrder', () => {
  const placedJourney = [...matched, placed('2025-02-20')];
  it('grants the order and ends care with E11 when unopposed', () =>
    given(placedJourney)
      .when(order())
      .then([orderGranted, ended('E11')]));
  it('ends care with E12 when consent was dispensed with', () =>
    given(placedJourney)
      .when(order({ application: 'consent_dispensed' }))
      .then([orderGranted, ended('E12')]));
  it('needs a placement for adoption', () =>
    given(matched).when(order()).thenThrows('adoption-order-needs-adoption-placement'));
  it('Given a child placed A6 with new adopters, When the order says adopted by the foster carer, Then it is refused on adoptedByFosterCarer (A10 and AD1 FOSTER_CARE would contradict the placement)', () => {
    const outcome = given(placedJourney).when(order({ adoptedByFosterCarer: true }));
    outcome.thenThrows('adoption-order-foster-carer-mismatch', 'adoptedByFosterCarer');
    expect(outcome.events).toThrow(/A6.*adoptedByFosterCarer must be false/);
  });
  it('Given a child placed A5 with their foster carer, When the order says not adopted by the foster carer, Then it is refused on adoptedByFosterCarer', () =>
    given([...matched, placed('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true)])
      .when(order({ adoptedByFosterCarer: false }))
      .thenThrows('adoption-order-foster-carer-mismatch', 'adoptedByFosterCarer'));
  it('Given a stored U5 "placed for adoption" and then A5 with the same carers, When the order is granted, Then care ends with E11', () =>
    given([
      ...matched,
      placed('2025-01-20', { placementType: 'U5', provider: 'PR1' }),
      placed('2025-02-20', { placementType: 'A5', provider: 'PR1' }, true),
    ])
      .when(order({ adoptedByFosterCarer: true }))
      .then([
        { ...orderGranted, data: { ...orderGranted.data, adoptedByFosterCarer: true } } as JourneyEvent,
        ended('E11'),
      ]));
  it('not for a fostering-for-adoption placement', () =>
    given([
      ...inCare,
      step('AdoptionDecisionMade', '2024-08-01'),
      placed('2024-08-10', { placementType: 'U5', provider: 'PR1' }),
    ])
      .when(order())
      .thenThrows('adoption-order-needs-adoption-placement'));
  it('not on the day of the move-in', () =>
    given(placedJourney)
      .when(order({ effectiveDate: '2025-02-20' }))
      .thenThrows('episode-same-day'));
  it('checks the adopters fit together', () =>
    given(placedJourney)
      .when(order({ numberOfAdopters: 1 }))
      .thenThrows('adopters-inconsistent'));
  it('checks the adopters legal status fits', () =>
    given(placedJourney)
      .when(order({ numberOfAdopters: 1, adopterSex: 'F1', adopterLegalStatus: 'L2' }))
      .thenThrows('adopters-inconsistent', 'adopterLegalStatus'));
  it('checks the adopter codes', () =>
    given(placedJourney)
      .when(order({ adopterSex: 'XX' }))
      .thenThrows('invalid-adopter-sex', 'adopterSex'));
  it('checks the legal status code', () =>
    given(placedJourney)
      .when(order({ adopterLegalStatus: 'L9' }))
      .thenThrows('invalid-adopter-legal-status'));
  it('needs the application kind', () =>
    given(placedJourney)
      .when(order({ application: 'won' as never }))
      .thenThrows('invalid-adoption-application', 'application'));
  it('needs care', () =>
    given([registered]).when(order()).thenThrows('adoption-step-outside-period-of-care'));
  it('is not in the future', () =>
    given(placedJourney)
      .when(order({ effectiveDate: '2025-07-01' }))
      .thenThrows('date-in-future'));
  it('after a legal status change the same day is refused', () =>
    given([...placedJourney, legalStatusChanged('2025-06-12', 'C2')])
      .when(order())
      .thenThrows('episode-same-day'));
});
