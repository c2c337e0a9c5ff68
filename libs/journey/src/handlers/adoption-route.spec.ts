import type { JourneyCommand } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import {
  CHILD,
  careStarted,
  inCare,
  legalStatusChanged,
  matched,
  meta,
  registered,
  step,
} from '../testing/fixtures';

type Dated = 'RecordAdoptionDecision' | 'GrantPlacementOrder' | 'RecordAdoptionConsent' | 'RecordMatch';
const cmd = (type: Dated, effectiveDate: string): JourneyCommand => ({
  type,
  childId: CHILD,
  effectiveDate,
  ...meta(),
});
const reverse = (effectiveDate: string, reason = 'RD3'): JourneyCommand =>
  ({ type: 'ReverseAdoptionDecision', childId: CHILD, effectiveDate, reason, ...meta() }) as JourneyCommand;
const reversed = (effectiveDate: string, reason = 'RD3'): JourneyEvent =>
  ({ type: 'AdoptionDecisionReversed', data: { childId: CHILD, effectiveDate, reason } }) as JourneyEvent;

const decided = [
  ...inCare,
  legalStatusChanged('2024-07-01', 'C2'),
  step('AdoptionDecisionMade', '2024-08-01'),
];

describe('RecordAdoptionDecision', () => {
  it('records the decision', () =>
    given(inCare)
      .when(cmd('RecordAdoptionDecision', '2024-08-01'))
      .then([step('AdoptionDecisionMade', '2024-08-01')]));
  it('needs care', () =>
    given([registered])
      .when(cmd('RecordAdoptionDecision', '2024-08-01'))
      .thenThrows('adoption-step-outside-period-of-care'));
  it('one open decision at a time', () =>
    given(decided)
      .when(cmd('RecordAdoptionDecision', '2024-09-01'))
      .thenThrows('adoption-decision-already-open'));
  it('may be made again after a reversal', () =>
    given([...decided, reversed('2024-09-01')])
      .when(cmd('RecordAdoptionDecision', '2024-10-01'))
      .then([step('AdoptionDecisionMade', '2024-10-01')]));
  it('not before the reversal it follows', () =>
    given([...decided, reversed('2024-09-01')])
      .when(cmd('RecordAdoptionDecision', '2024-08-15'))
      .thenThrows('adoption-step-before-previous-step'));
});

describe('GrantPlacementOrder', () => {
  it('grants the order', () =>
    given(decided)
      .when(cmd('GrantPlacementOrder', '2024-10-01'))
      .then([step('PlacementOrderGranted', '2024-10-01')]));
  it('needs an adoption decision', () =>
    given(inCare)
      .when(cmd('GrantPlacementOrder', '2024-10-01'))
      .thenThrows('placement-order-needs-adoption-decision'));
  it('not before the decision', () =>
    given(decided)
      .when(cmd('GrantPlacementOrder', '2024-07-20'))
      .thenThrows('adoption-step-before-previous-step'));
  it('only once', () =>
    given([...decided, step('PlacementOrderGranted', '2024-10-01')])
      .when(cmd('GrantPlacementOrder', '2024-11-01'))
      .thenThrows('placement-order-already-granted'));
  it('is a legal status change, so not on the day of another', () =>
    given([...inCare, step('AdoptionDecisionMade', '2024-05-10')])
      .when(cmd('GrantPlacementOrder', '2024-05-10'))
      .thenThrows('episode-same-day'));
  it('needs care', () =>
    given([registered])
      .when(cmd('GrantPlacementOrder', '2024-10-01'))
      .thenThrows('adoption-step-outside-period-of-care'));
});

describe('RecordAdoptionConsent', () => {
  it('records consent', () =>
    given(decided)
      .when(cmd('RecordAdoptionConsent', '2024-09-01'))
      .then([step('AdoptionConsentGiven', '2024-09-01')]));
  it('not before the child is six weeks old', () =>
    given([
      { ...registered, data: { ...registered.data, dateOfBirth: '2024-05-01' } } as JourneyEvent,
      careStarted('2024-05-10'),
    ])
      .when(cmd('RecordAdoptionConsent', '2024-06-01'))
      .thenThrows('consent-before-six-weeks'));
  it('only once', () =>
    given([...decided, step('AdoptionConsentGiven', '2024-09-01')])
      .when(cmd('RecordAdoptionConsent', '2024-09-10'))
      .thenThrows('adoption-consent-already-recorded'));
  it('needs care', () =>
    given([registered])
      .when(cmd('RecordAdoptionConsent', '2024-09-01'))
      .thenThrows('adoption-step-outside-period-of-care'));
});

describe('ReverseAdoptionDecision', () => {
  it('reverses the decision', () =>
    given(decided)
      .when(reverse('2024-09-01'))
      .then([reversed('2024-09-01')]));
  it('needs an open decision', () =>
    given(inCare).when(reverse('2024-09-01')).thenThrows('no-open-adoption-decision'));
  it('not twice', () =>
    given([...decided, reversed('2024-09-01')])
      .when(reverse('2024-09-10'))
      .thenThrows('no-open-adoption-decision'));
  it('not before the decision', () =>
    given(decided).when(reverse('2024-07-20')).thenThrows('adoption-step-before-previous-step'));
  it('checks the reason', () =>
    given(decided).when(reverse('2024-09-01', 'RD9')).thenThrows('invalid-reversal-reason', 'reason'));
});

describe('RecordMatch', () => {
  const withOrder = [...decided, step('PlacementOrderGranted', '2024-10-01')];
  it('matches under a placement order', () =>
    given(withOrder)
      .when(cmd('RecordMatch', '2025-01-15'))
      .then([step('MatchedWithAdopters', '2025-01-15')]));
  it('matches under parental consent', () =>
    given([...decided, step('AdoptionConsentGiven', '2024-09-01')])
      .when(cmd('RecordMatch', '2024-12-01'))
      .then([step('MatchedWithAdopters', '2024-12-01')]));
  it('needs authority to place', () =>
    given(decided).when(cmd('RecordMatch', '2025-01-15')).thenThrows('match-needs-authority-to-place'));
  it('needs the authority by the match date', () =>
    given(withOrder).when(cmd('RecordMatch', '2024-09-15')).thenThrows('match-needs-authority-to-place'));
  it('needs an open decision', () =>
    given([...withOrder, reversed('2024-11-01')])
      .when(cmd('RecordMatch', '2025-01-15'))
      .thenThrows('match-needs-adoption-decision'));
  it('only once per decision', () =>
    given(matched).when(cmd('RecordMatch', '2025-02-15')).thenThrows('already-matched'));
  it('needs care', () =>
    given([registered])
      .when(cmd('RecordMatch', '2025-01-15'))
      .thenThrows('adoption-step-outside-period-of-care'));
});
