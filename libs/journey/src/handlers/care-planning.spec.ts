import type { CompleteGoingHomeAudit, RecordReview, SetPermanencePlan } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, careEnded, careStarted, inCare, meta, registered, reviewHeld } from '../testing/fixtures';

const review = (effectiveDate: string, participation = 'PN1'): RecordReview => ({
  type: 'RecordReview',
  childId: CHILD,
  effectiveDate,
  participation,
  ...meta(),
});

describe('RecordReview', () => {
  it('records a review', () =>
    given(inCare)
      .when(review('2024-06-05'))
      .then([reviewHeld('2024-06-05')]));
  it('records a late review for an earlier period of care', () =>
    given([...inCare, careEnded('2024-09-01'), careStarted('2025-01-10')])
      .when(review('2024-08-01'))
      .then([reviewHeld('2024-08-01')]));
  it('needs a period of care', () =>
    given([registered])
      .when(review('2024-06-05'))
      .thenThrows('review-outside-period-of-care', 'effectiveDate'));
  it('not between periods of care', () =>
    given([...inCare, careEnded('2024-09-01'), careStarted('2025-01-10')])
      .when(review('2024-12-01'))
      .thenThrows('review-outside-period-of-care'));
  it('checks the participation code', () =>
    given(inCare).when(review('2024-06-05', 'PN8')).thenThrows('invalid-participation', 'participation'));
  it('PN0 only under 4', () =>
    given(inCare).when(review('2024-06-05', 'PN0')).thenThrows('pn0-only-under-4', 'participation'));
  it('PN0 for a child under 4', () =>
    given([registered, careStarted('2023-01-10')])
      .when(review('2023-02-01', 'PN1'))
      .thenThrows('pn0-required-under-4', 'participation'));
  it('accepts PN0 the day before the 4th birthday', () =>
    given([registered, careStarted('2023-01-10')])
      .when(review('2023-03-01', 'PN0'))
      .then([reviewHeld('2023-03-01', 'PN0')]));
  it('no reviews for short breaks', () =>
    given([registered, careStarted('2024-05-10', 'V4')])
      .when(review('2024-06-05'))
      .thenThrows('no-reviews-for-short-breaks'));
  it('one review a day', () =>
    given([...inCare, reviewHeld('2024-06-05')])
      .when(review('2024-06-05'))
      .thenThrows('review-already-recorded-on-date'));
  it('is not in the future', () => given(inCare).when(review('2025-07-01')).thenThrows('date-in-future'));
});

describe('SetPermanencePlan', () => {
  const plan = (route: SetPermanencePlan['route'], effectiveDate = '2024-08-20'): SetPermanencePlan => ({
    type: 'SetPermanencePlan',
    childId: CHILD,
    effectiveDate,
    route,
    ...meta(),
  });
  it('sets the plan', () =>
    given(inCare)
      .when(plan('adoption'))
      .then([
        {
          type: 'PermanencePlanSet',
          data: { childId: CHILD, effectiveDate: '2024-08-20', route: 'adoption' },
        },
      ]));
  it('needs a period of care', () =>
    given([registered]).when(plan('adoption')).thenThrows('permanence-plan-outside-period-of-care'));
  it('checks the route', () =>
    given(inCare)
      .when(plan('boarding_school' as never))
      .thenThrows('invalid-permanence-route', 'route'));
  const planSet = (route: SetPermanencePlan['route']): JourneyEvent => ({
    type: 'PermanencePlanSet',
    data: { childId: CHILD, effectiveDate: '2024-08-20', route },
  });
  it('Given the same plan recorded that day, When it is sent again, Then it is refused (correct it instead)', () =>
    given([...inCare, planSet('adoption')])
      .when(plan('adoption'))
      .thenThrows('entry-already-recorded', 'effectiveDate'));
  it('Given a plan that day, When a different route is set the same day, Then it is recorded', () =>
    given([...inCare, planSet('adoption')])
      .when(plan('long_term_fostering'))
      .then([
        {
          type: 'PermanencePlanSet',
          data: { childId: CHILD, effectiveDate: '2024-08-20', route: 'long_term_fostering' },
        },
      ]));
});

describe('CompleteGoingHomeAudit', () => {
  const audit = (changes: Partial<CompleteGoingHomeAudit> = {}): CompleteGoingHomeAudit => ({
    type: 'CompleteGoingHomeAudit',
    childId: CHILD,
    effectiveDate: '2024-11-10',
    outcome: 'Return home not safe yet',
    nextAction: 'Family group conference in December',
    ...meta(),
    ...changes,
  });
  it('records the audit', () =>
    given(inCare)
      .when(audit())
      .then([
        {
          type: 'GoingHomeAuditCompleted',
          data: {
            childId: CHILD,
            effectiveDate: '2024-11-10',
            outcome: 'Return home not safe yet',
            nextAction: 'Family group conference in December',
          },
        },
      ]));
  it('needs a period of care', () =>
    given([registered]).when(audit()).thenThrows('going-home-audit-outside-period-of-care'));
  it('needs an outcome', () =>
    given(inCare)
      .when(audit({ outcome: '' }))
      .thenThrows('required-field', 'outcome'));
  it('needs a next action', () =>
    given(inCare)
      .when(audit({ nextAction: ' ' }))
      .thenThrows('required-field', 'nextAction'));
  const audited: JourneyEvent = {
    type: 'GoingHomeAuditCompleted',
    data: {
      childId: CHILD,
      effectiveDate: '2024-11-10',
      outcome: 'Return home not safe yet',
      nextAction: 'Family group conference in December',
    },
  };
  it('Given an audit that day, When the identical audit is sent again, Then it is refused (correct it instead)', () =>
    given([...inCare, audited])
      .when(audit({ outcome: ' Return home not safe yet ' }))
      .thenThrows('entry-already-recorded', 'effectiveDate'));
  it('Given an audit that day, When one with other findings is recorded that day, Then it is recorded', () =>
    given([...inCare, audited])
      .when(audit({ outcome: 'Safe to return with support' }))
      .then([{ ...audited, data: { ...audited.data, outcome: 'Safe to return with support' } }]));
});
