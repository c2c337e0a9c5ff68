/**
 * Placement types withdrawn from the 903 code list with a successor (invariants/
 * withdrawn-placement-types.ts): from 1 April 2025 H5 is replaced by K3 and Z1 by Z11–Z14. A child
 * still in one is re-recorded in its successor before any later entry starts or ends an episode,
 * and no episode starting on or after that day carries the withdrawn code. A 17-year-old in a
 * registered H5 setting since January 2025.
 */
import type { JourneyCommand } from '../commands';
import type { JourneyEvent, PlacementDetails } from '../events';
import { given } from '../testing/decider-specification';
import { episodeCommands } from '../testing/episode-commands';
import { CHILD, careStarted, placementChanged, registered } from '../testing/fixtures';

const RULE = 'withdrawn-placement-type-not-re-recorded';
const NOW = '2026-01-15T10:00:00Z';

const teen: JourneyEvent = {
  ...registered,
  data: { ...(registered.data as object), effectiveDate: '2024-11-01', dateOfBirth: '2007-08-14' },
} as JourneyEvent;

const semiIndependent: PlacementDetails = {
  placementType: 'H5',
  provider: 'PR4',
  postcode: 'CB4 1UW',
  urn: '2771234',
};
const supported: PlacementDetails = { ...semiIndependent, placementType: 'K3' };
const childrensHome: PlacementDetails = {
  placementType: 'K2',
  provider: 'PR4',
  postcode: 'PE13 2QW',
  urn: 'SC482113',
};
const other: PlacementDetails = { placementType: 'Z1', postcode: 'CB4 1UW' };

const inH5 = [teen, careStarted('2025-01-10', 'V2', semiIndependent)];

const { move, legalStatus, endCare, review, temporary, back } = episodeCommands({
  now: NOW,
  legalStatus: 'C2',
});

const temporaryStarted = (effectiveDate: string): JourneyEvent => ({
  type: 'TemporaryPlacementStarted',
  data: { childId: CHILD, effectiveDate, placementType: 'T1' },
});

function messageOf(events: JourneyEvent[], command: JourneyCommand): string {
  try {
    given(events).when(command).events();
  } catch (error) {
    return (error as Error).message;
  }
  return 'no violation';
}

describe('H5 is replaced by K3 from 1 April 2025', () => {
  it('refuses a legal status change after 1 April while the child is still recorded in H5, naming the rule and K3', () => {
    given(inH5).when(legalStatus('2025-06-01')).thenThrows(RULE, 'effectiveDate');
    expect(messageOf(inH5, legalStatus('2025-06-01'))).toMatch(
      /in H5 since 2025-01-10.*replaced by K3.*record the setting as K3 first \(a placement change, same carer, reason PLACE\)/,
    );
  });
  it('refuses it on 1 April itself: the new episode would be an H5 episode from that day', () =>
    given(inH5).when(legalStatus('2025-04-01')).thenThrows(RULE));
  it('takes it up to 31 March 2025, the last day of H5', () =>
    given(inH5)
      .when(legalStatus('2025-03-31'))
      .then([
        {
          type: 'LegalStatusChanged',
          data: { childId: CHILD, effectiveDate: '2025-03-31', legalStatus: 'C2' },
        },
      ]));
  it('records the setting as K3, same carer, reason PLACE, after 1 April (the re-recording itself)', () =>
    given(inH5)
      .when(move('2025-05-20', supported, true))
      .then([placementChanged('2025-05-20', supported, 'PLACE', true)]));
  it('records it on 31 March 2025, so no H5 episode reaches the 2025/26 return', () =>
    given(inH5)
      .when(move('2025-03-31', supported, true))
      .then([placementChanged('2025-03-31', supported, 'PLACE', true)]));
  it('then takes the legal status change on the K3 placement', () =>
    given([...inH5, placementChanged('2025-04-01', supported, 'PLACE', true)])
      .when(legalStatus('2025-06-01'))
      .then([
        {
          type: 'LegalStatusChanged',
          data: { childId: CHILD, effectiveDate: '2025-06-01', legalStatus: 'C2' },
        },
      ]));
  it('refuses a move to another placement after 1 April before the K3 re-recording', () =>
    given(inH5).when(move('2025-06-01', childrensHome)).thenThrows(RULE, 'effectiveDate'));
  it('lets the child leave H5 on 1 April itself (the H5 episode ends that day)', () =>
    given(inH5)
      .when(move('2025-04-01', childrensHome))
      .then([placementChanged('2025-04-01', childrensHome)]));
  it('still refuses a move to H5 from 1 April by the code list', () =>
    given([teen, careStarted('2025-01-10', 'V2', supported)])
      .when(move('2025-04-02', semiIndependent, true))
      .thenThrows('invalid-placement-type', 'placement.placementType'));
  it('refuses ending care, or a temporary placement, after 1 April from H5', () => {
    given(inH5).when(endCare('2025-07-01')).thenThrows(RULE);
    given(inH5).when(temporary('2025-07-01')).thenThrows(RULE);
  });
  it('does not go back to H5 after a temporary placement, on or after 1 April', () => {
    const away = [...inH5, temporaryStarted('2025-03-25')];
    given(away).when(back('2025-04-03')).thenThrows(RULE, 'effectiveDate');
    expect(messageOf(away, back('2025-04-03'))).toMatch(/usual placement is H5/);
  });
  it('goes back to the same setting re-recorded as K3 (reRecordedAs), after which care can end', () => {
    const away = [...inH5, temporaryStarted('2025-03-25')];
    const returned = {
      type: 'TemporaryPlacementEnded',
      data: { childId: CHILD, effectiveDate: '2025-04-03', reRecordedAs: 'K3' },
    } as JourneyEvent;
    given(away)
      .when({ ...back('2025-04-03'), reRecordedAs: 'K3' })
      .then([returned]);
    given([...away, returned])
      .when(endCare('2025-07-01'))
      .events();
    expect(messageOf(away, back('2025-04-03'))).toMatch(/reRecordedAs K3/);
  });
  it('refuses reRecordedAs for a type not withdrawn that day, or other than the successor', () => {
    const away = [...inH5, temporaryStarted('2025-03-20')];
    given(away)
      .when({ ...back('2025-03-28'), reRecordedAs: 'K3' })
      .thenThrows('return-re-recorded-only-for-withdrawn-type', 'reRecordedAs');
    given(away)
      .when({ ...back('2025-04-03'), reRecordedAs: 'K2' })
      .thenThrows('return-re-recorded-only-for-withdrawn-type', 'reRecordedAs');
  });
  it('goes back to H5 before 1 April', () =>
    given([...inH5, temporaryStarted('2025-03-20')])
      .when(back('2025-03-28'))
      .then([{ type: 'TemporaryPlacementEnded', data: { childId: CHILD, effectiveDate: '2025-03-28' } }]));
  it('still takes entries that start or end no episode (a review)', () =>
    given(inH5)
      .when(review('2025-06-15'))
      .then([
        {
          type: 'StatutoryReviewHeld',
          data: { childId: CHILD, effectiveDate: '2025-06-15', participation: 'PN1' },
        },
      ]));
});

describe('Z1 is replaced by Z11–Z14 from 1 April 2025', () => {
  const inZ1 = [teen, careStarted('2025-01-10', 'V2', other)];
  it('refuses a legal status change after 1 April while the child is still in Z1, naming the successors', () => {
    given(inZ1).when(legalStatus('2025-06-01')).thenThrows(RULE, 'effectiveDate');
    expect(messageOf(inZ1, legalStatus('2025-06-01'))).toMatch(/Z11, Z12, Z13 or Z14/);
  });
  it('takes the re-recording in one of Z11–Z14', () =>
    given(inZ1)
      .when(move('2025-04-10', { ...other, placementType: 'Z12' }, true))
      .then([placementChanged('2025-04-10', { ...other, placementType: 'Z12' }, 'PLACE', true)]));
});
