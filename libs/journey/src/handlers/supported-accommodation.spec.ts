/**
 * The October 2023 supported-accommodation change (invariants/supported-accommodation.ts): from
 * 28 October 2023 no P2 (903 rule 217t), and an English H5/K3 only with the setting's Ofsted URN
 * (rule 230). A 17-year-old, in care from June 2023.
 */
import type { StartPeriodOfCare } from '../commands';
import type { JourneyEvent, PlacementDetails } from '../events';
import { given } from '../testing/decider-specification';
import { episodeCommands } from '../testing/episode-commands';
import { CHILD, careStarted, meta, placementChanged, registered } from '../testing/fixtures';

const teen: JourneyEvent = {
  ...registered,
  data: { ...(registered.data as object), effectiveDate: '2023-05-01', dateOfBirth: '2006-08-14' },
} as JourneyEvent;

const independent: PlacementDetails = {
  placementType: 'P2',
  provider: 'PR4',
  postcode: 'CB1 2GF',
  urn: 'XXXXXXX',
};
const semiIndependent: PlacementDetails = {
  placementType: 'H5',
  provider: 'PR4',
  postcode: 'CB4 1UW',
  urn: 'XXXXXXX',
};
const registeredH5: PlacementDetails = { ...semiIndependent, urn: '2771234' };
const childrensHome: PlacementDetails = {
  placementType: 'K2',
  provider: 'PR4',
  postcode: 'PE13 2QW',
  urn: 'SC482113',
};

const inP2 = [teen, careStarted('2023-06-01', 'V2', independent)];
const inH5 = [teen, careStarted('2023-06-01', 'V2', semiIndependent)];

const { move, legalStatus, endCare, review, temporary, back } = episodeCommands();

const start = (effectiveDate: string, placement: PlacementDetails): StartPeriodOfCare => ({
  type: 'StartPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  legalStatus: 'V2',
  categoryOfNeed: 'N4',
  placement,
  ...meta(),
});

describe('P2 (independent living) ends on 28 October 2023', () => {
  it('is a placement up to 27 October 2023', () =>
    given([teen])
      .when(start('2023-10-27', independent))
      .then([careStarted('2023-10-27', 'V2', independent)].map(withCin)));
  it('is refused from 28 October 2023, by its own rule', () =>
    given([teen])
      .when(start('2023-10-28', independent))
      .thenThrows('p2-withdrawn', 'placement.placementType'));
  it('is refused as a move in 2024/25 too', () =>
    given([...inP2, placementChanged('2023-10-20', childrensHome)])
      .when(move('2024-06-01', independent))
      .thenThrows('p2-withdrawn', 'placement.placementType'));
  it('can be left on 28 October 2023, the last day of a P2 episode', () =>
    given(inP2)
      .when(move('2023-10-28', childrensHome))
      .then([placementChanged('2023-10-28', childrensHome)]));
  it('can become registered supported accommodation that day (same carer, reason PLACE)', () =>
    given(inP2)
      .when(move('2023-10-28', { ...registeredH5, postcode: independent.postcode }, true))
      .then([
        placementChanged('2023-10-28', { ...registeredH5, postcode: independent.postcode }, 'PLACE', true),
      ]));
  it('cannot be left later: the P2 episode would run past 28 October', () =>
    given(inP2)
      .when(move('2023-10-29', childrensHome))
      .thenThrows('p2-not-ended-by-2023-10-28', 'effectiveDate'));
  it('cannot end care after 28 October while the child is still in it', () =>
    given(inP2).when(endCare('2023-11-01')).thenThrows('p2-not-ended-by-2023-10-28'));
  it('can end care on 28 October', () =>
    given(inP2)
      .when(endCare('2023-10-28'))
      .then([
        { type: 'PeriodOfCareEnded', data: { childId: CHILD, effectiveDate: '2023-10-28', reason: 'E5' } },
      ]));
  it('does not get a new episode by a legal status change on 28 October (it would be a P2 episode from that day)', () =>
    given(inP2).when(legalStatus('2023-10-28')).thenThrows('p2-not-ended-by-2023-10-28'));
  it('takes a legal status change before 28 October', () =>
    given(inP2)
      .when(legalStatus('2023-10-27'))
      .then([
        {
          type: 'LegalStatusChanged',
          data: { childId: CHILD, effectiveDate: '2023-10-27', legalStatus: 'C1' },
        },
      ]));
  it('takes no temporary placement after 28 October', () =>
    given(inP2).when(temporary('2023-11-02')).thenThrows('p2-not-ended-by-2023-10-28'));
  it('is not gone back to after a temporary placement from 28 October', () =>
    given([
      ...inP2,
      {
        type: 'TemporaryPlacementStarted',
        data: { childId: CHILD, effectiveDate: '2023-10-20', placementType: 'T1' },
      },
    ])
      .when(back('2023-10-30'))
      .thenThrows('p2-withdrawn', 'effectiveDate'));
  it('still takes entries that start or end no episode (a review): the move itself is what is missing', () =>
    given(inP2)
      .when(review('2023-11-15'))
      .then([
        {
          type: 'StatutoryReviewHeld',
          data: { childId: CHILD, effectiveDate: '2023-11-15', participation: 'PN1' },
        },
      ]));
});

describe('H5/K3 supported accommodation needs the Ofsted URN from 28 October 2023', () => {
  it('takes H5 without a URN up to 27 October 2023', () =>
    given([teen])
      .when(start('2023-10-27', semiIndependent))
      .then([careStarted('2023-10-27', 'V2', semiIndependent)].map(withCin)));
  it('refuses H5 with XXXXXXX from 28 October 2023', () =>
    given([teen])
      .when(start('2023-10-28', semiIndependent))
      .thenThrows('supported-accommodation-urn-required', 'placement.urn'));
  it('refuses H5 with no URN at all', () =>
    given([teen])
      .when(start('2024-01-10', { placementType: 'H5', provider: 'PR5', postcode: 'PE19 5YN' }))
      .thenThrows('supported-accommodation-urn-required', 'placement.urn'));
  it('takes H5 with the URN', () =>
    given([teen])
      .when(start('2023-11-01', registeredH5))
      .then([careStarted('2023-11-01', 'V2', registeredH5)].map(withCin)));
  it('asks the URN of K3 (2024/25 on) as well', () =>
    given([teen])
      .when(start('2024-06-01', { ...semiIndependent, placementType: 'K3' }))
      .thenThrows('supported-accommodation-urn-required', 'placement.urn'));
  it('asks no URN of a setting outside England, which Ofsted does not register (rule 230 skips it)', () => {
    const inWales = { ...semiIndependent, postcode: 'CF10 1EP' };
    given([teen])
      .when(start('2023-11-01', inWales))
      .then([careStarted('2023-11-01', 'V2', inWales)].map(withCin));
  });
  it('records the URN of the same setting on 28 October (same carer, reason PLACE: 903 RNE T)', () =>
    given(inH5)
      .when(move('2023-10-28', registeredH5, true))
      .then([placementChanged('2023-10-28', registeredH5, 'PLACE', true)]));
  it('cannot record it later: the URN-less H5 episode would run past 28 October', () =>
    given(inH5)
      .when(move('2023-11-02', registeredH5, true))
      .thenThrows('supported-accommodation-urn-not-recorded-by-2023-10-28', 'effectiveDate'));
  it('cannot end care after 28 October from an H5 without a URN', () =>
    given(inH5)
      .when(endCare('2023-12-01'))
      .thenThrows('supported-accommodation-urn-not-recorded-by-2023-10-28'));
  it('lets an H5 with its URN carry on', () =>
    given([teen, careStarted('2023-06-01', 'V2', registeredH5)])
      .when(endCare('2023-12-01'))
      .then([
        { type: 'PeriodOfCareEnded', data: { childId: CHILD, effectiveDate: '2023-12-01', reason: 'E5' } },
      ]));
  it('is not gone back to without a URN after a temporary placement from 28 October', () =>
    given([
      ...inH5,
      {
        type: 'TemporaryPlacementStarted',
        data: { childId: CHILD, effectiveDate: '2023-10-25', placementType: 'T1' },
      },
    ])
      .when(back('2023-11-03'))
      .thenThrows('supported-accommodation-urn-required', 'effectiveDate'));
});

/** careStarted() fixes the category of need N1; these starts say N4. */
function withCin(event: JourneyEvent): JourneyEvent {
  return { ...event, data: { ...(event.data as object), categoryOfNeed: 'N4' } } as JourneyEvent;
}
