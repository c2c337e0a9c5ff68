import type { EndPeriodOfCare, StartPeriodOfCare } from '../commands';
import { given } from '../testing/decider-specification';
import {
  CARE_START,
  CHILD,
  careEnded,
  careStarted,
  fosterU6,
  inCare,
  legalStatusChanged,
  meta,
  placementChanged,
  registered,
  reviewHeld,
  step,
} from '../testing/fixtures';

const start = (changes: Partial<StartPeriodOfCare> = {}): StartPeriodOfCare => ({
  type: 'StartPeriodOfCare',
  childId: CHILD,
  effectiveDate: CARE_START,
  legalStatus: 'C1',
  categoryOfNeed: 'N1',
  placement: fosterU6,
  ...meta(),
  ...changes,
});

describe('StartPeriodOfCare', () => {
  it('starts care', () => given([registered]).when(start()).then([careStarted()]));
  it('keeps previous permanence', () =>
    given([registered])
      .when(start({ previousPermanence: { code: 'P2', la: '383', date: '2021-05' } }))
      .then([
        {
          ...careStarted(),
          data: { ...careStarted().data, previousPermanence: { code: 'P2', la: '383', date: '2021-05' } },
        } as never,
      ]));
  it('can start again after care ended', () =>
    given([...inCare, careEnded('2024-09-01')])
      .when(start({ effectiveDate: '2025-01-10' }))
      .then([careStarted('2025-01-10')]));
  it('Given care ended on 1 September, When care is started again that same day, Then it is refused: the 903 reads that as care continuing (rules 431, 388)', () => {
    const outcome = given([...inCare, careEnded('2024-09-01')]).when(start({ effectiveDate: '2024-09-01' }));
    outcome.thenThrows('period-of-care-starts-on-end-day', 'effectiveDate');
    expect(outcome.events).toThrow(/431.*388|388.*431/);
  });
  it('Given care ended on 1 September, When care is started again on 2 September, Then it starts', () =>
    given([...inCare, careEnded('2024-09-01')])
      .when(start({ effectiveDate: '2024-09-02' }))
      .then([careStarted('2024-09-02')]));
  it('needs a registered child', () => given([]).when(start()).thenThrows('child-not-registered'));
  it('cannot start while in care', () =>
    given(inCare)
      .when(start({ effectiveDate: '2025-01-10' }))
      .thenThrows('already-in-care'));
  it('cannot overlap the previous period', () =>
    given([...inCare, careEnded('2024-09-01')])
      .when(start({ effectiveDate: '2024-08-01' }))
      .thenThrows('period-of-care-overlap'));
  it('is not before birth', () =>
    given([registered])
      .when(start({ effectiveDate: '2019-03-01' }))
      .thenThrows('date-before-birth', 'effectiveDate'));
  it('is not after the recording', () =>
    given([registered])
      .when(start({ effectiveDate: '2025-07-01' }))
      .thenThrows('date-in-future', 'effectiveDate'));
  it('rejects an impossible date', () =>
    given([registered])
      .when(start({ effectiveDate: '2024-02-30' }))
      .thenThrows('invalid-date', 'effectiveDate'));
  it('checks the legal status', () =>
    given([registered])
      .when(start({ legalStatus: 'C9' }))
      .thenThrows('invalid-legal-status', 'legalStatus'));
  it('checks the category of need', () =>
    given([registered])
      .when(start({ categoryOfNeed: 'N9' }))
      .thenThrows('invalid-category-of-need', 'categoryOfNeed'));
  it('keeps J-codes for children of 10 and over', () =>
    given([registered])
      .when(start({ legalStatus: 'J1' }))
      .thenThrows('youth-justice-under-10', 'legalStatus'));
  it('cannot start with a temporary placement', () =>
    given([registered])
      .when(start({ placement: { placementType: 'T1' } }))
      .thenThrows('temporary-placement-cannot-start-care'));
  it('cannot start placed for adoption', () =>
    given([registered])
      .when(start({ placement: { placementType: 'A6', provider: 'PR1' } }))
      .thenThrows('adoption-placement-via-change'));
  it('checks the placement type', () =>
    given([registered])
      .when(start({ placement: { placementType: 'Q1', provider: 'PR1' } }))
      .thenThrows('invalid-placement-type', 'placement.placementType'));
  it('checks the placement type is valid on the date (Z1 split from 2025/26)', () =>
    given([registered])
      .when(start({ effectiveDate: '2025-04-02', placement: { placementType: 'Z1' } }))
      .thenThrows('invalid-placement-type'));
  it('needs a provider', () =>
    given([registered])
      .when(start({ placement: { placementType: 'U6' } }))
      .thenThrows('provider-required', 'placement.provider'));
  it('checks the provider', () =>
    given([registered])
      .when(start({ placement: { placementType: 'U6', provider: 'PR9' } }))
      .thenThrows('invalid-provider', 'placement.provider'));
  it('has no provider for Z placements', () =>
    given([registered])
      .when(start({ placement: { placementType: 'Z1', provider: 'PR1' } }))
      .thenThrows('provider-not-allowed'));
  it('uses PR0 only with P1', () =>
    given([registered])
      .when(start({ placement: { placementType: 'U6', provider: 'PR0' } }))
      .thenThrows('pr0-only-with-p1'));
  it('accepts PR0 with P1', () =>
    given([registered])
      .when(start({ placement: { placementType: 'P1', provider: 'PR0' } }))
      .then([careStarted(CARE_START, 'C1', { placementType: 'P1', provider: 'PR0' })]));
  it('keeps K3 for 16+', () =>
    given([registered])
      .when(start({ placement: { placementType: 'K3', provider: 'PR4' } }))
      .thenThrows('k3-under-16'));
  it('checks previous permanence', () =>
    given([registered])
      .when(start({ previousPermanence: { code: 'P9' } }))
      .thenThrows('invalid-previous-permanence'));
  it('does not mix V3 and V4 in one year', () =>
    given([registered, careStarted('2024-05-10', 'V3'), careEnded('2024-05-12', 'E4A')])
      .when(start({ effectiveDate: '2024-06-10', legalStatus: 'V4' }))
      .thenThrows('short-breaks-v3-and-v4-same-year'));
  it('allows V4 in the next year', () =>
    given([registered, careStarted('2024-05-10', 'V3'), careEnded('2024-05-12', 'E4A')])
      .when(start({ effectiveDate: '2025-04-10', legalStatus: 'V4' }))
      .then([careStarted('2025-04-10', 'V4')]));
});

const end = (changes: Partial<EndPeriodOfCare> = {}): EndPeriodOfCare => ({
  type: 'EndPeriodOfCare',
  childId: CHILD,
  effectiveDate: '2025-03-01',
  reason: 'E4A',
  ...meta(),
  ...changes,
});

describe('EndPeriodOfCare', () => {
  it('ends care', () =>
    given(inCare)
      .when(end())
      .then([careEnded('2025-03-01')]));
  it('needs the child in care', () =>
    given([registered]).when(end()).thenThrows('end-of-care-outside-period-of-care'));
  it('is not before the start', () =>
    given(inCare)
      .when(end({ effectiveDate: '2024-05-01' }))
      .thenThrows('end-of-care-outside-period-of-care'));
  it('is not before the last entry in the period', () =>
    given([...inCare, reviewHeld('2025-02-01')])
      .when(end({ effectiveDate: '2025-01-01' }))
      .thenThrows('end-before-last-event'));
  it('does not end on the day the last episode started', () =>
    given([...inCare, placementChanged('2025-03-01')])
      .when(end())
      .thenThrows('episode-same-day'));
  it('is not in the future', () =>
    given(inCare)
      .when(end({ effectiveDate: '2025-07-01' }))
      .thenThrows('date-in-future'));
  it('checks the reason', () =>
    given(inCare)
      .when(end({ reason: 'E99' }))
      .thenThrows('invalid-reason-episode-ceased', 'reason'));
  it('does not end with X1', () =>
    given(inCare)
      .when(end({ reason: 'X1' }))
      .thenThrows('x1-is-not-an-end-of-care'));
  it('leaves E11/E12 to the adoption order', () =>
    given(inCare)
      .when(end({ reason: 'E11' }))
      .thenThrows('adoption-ending-only-via-adoption-order'));
  it('accepts an SGO to the foster carer from a foster placement', () =>
    given(inCare)
      .when(end({ reason: 'E45' }))
      .then([careEnded('2025-03-01', 'E45')]));
  it('needs a foster placement for an SGO to the foster carer', () =>
    given([...inCare, placementChanged('2024-09-01', { placementType: 'K2', provider: 'PR4' })])
      .when(end({ reason: 'E46' }))
      .thenThrows('sgo-former-foster-carer-needs-foster-placement'));
  it('keeps E17 for 18+', () =>
    given(inCare)
      .when(end({ reason: 'E17' }))
      .thenThrows('e17-needs-age-18'));
  it('cannot end during a temporary placement', () =>
    given([
      ...inCare,
      {
        type: 'TemporaryPlacementStarted',
        data: { childId: CHILD, effectiveDate: '2025-02-20', placementType: 'T1' },
      },
    ])
      .when(end())
      .thenThrows('temporary-placement-cannot-end-care'));
  it('counts a legal status change as the start of an episode', () =>
    given([...inCare, legalStatusChanged('2025-03-01', 'C2')])
      .when(end())
      .thenThrows('episode-same-day'));
  it('ignores retracted entries when finding the last one', () =>
    given([
      ...inCare,
      reviewHeld('2025-02-01'),
      {
        type: 'EntryRetracted',
        data: { childId: CHILD, effectiveDate: '2025-02-01', retractedEventId: 'e3', reason: 'wrong child' },
      },
    ])
      .when(end({ effectiveDate: '2025-01-01' }))
      .then([careEnded('2025-01-01')]));
  it('needs an adoption decision to be irrelevant', () =>
    given([...inCare, step('AdoptionDecisionMade', '2024-08-01')])
      .when(end())
      .then([careEnded('2025-03-01')]));
});
