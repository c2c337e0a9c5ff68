import type { EndPeriodOfCare } from '../commands';
import type { JourneyEvent } from '../events';
import { amendEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import { CHILD, careEnded, careStarted, meta, registered } from '../testing/fixtures';

/**
 * National definitions §1.3 REC: E5/E6 "independent living, with / without formal support". The
 * DfE validator's rule 387 rejects it for a child under 14 on the end date, in every year's rules
 * (lac2022_23 rule_387.py, deleted in no later year). Born 2010-01-15: 14 on 2024-01-15.
 */
const bornIn2010: JourneyEvent = {
  type: 'ChildRegistered',
  data: { ...registered.data, dateOfBirth: '2010-01-15', effectiveDate: '2023-01-01' } as never,
};
const inCareAt13 = [bornIn2010, careStarted('2023-01-10')];
const endCare = (effectiveDate: string, reason: string): EndPeriodOfCare => ({
  type: 'EndPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  reason,
  ...meta('2026-11-27T10:00:00Z'),
});

describe('E5/E6 (independent living) and the 14th birthday', () => {
  it('Given a 13-year-old in care (the review’s RVLC02), When care ends E6, Then it is refused naming the reason', () =>
    given(inCareAt13)
      .when(endCare('2023-06-01', 'E6'))
      .thenThrows('independent-living-needs-age-14', 'reason'));

  it('Given the same child, When care ends E5 the day before the 14th birthday, Then it is refused', () =>
    given(inCareAt13)
      .when(endCare('2024-01-14', 'E5'))
      .thenThrows('independent-living-needs-age-14', 'reason'));

  it('Given the same child, When care ends E5 on the 14th birthday, Then it is recorded', () =>
    given(inCareAt13)
      .when(endCare('2024-01-15', 'E5'))
      .then([careEnded('2024-01-15', 'E5')]));

  it('Given a 13-year-old, When care ends E4A (returned home), Then it is recorded: the age is only for independent living', () =>
    given(inCareAt13)
      .when(endCare('2023-06-01', 'E4A'))
      .then([careEnded('2023-06-01', 'E4A')]));

  it('Given the refusal, Then its message names the code, the rule and the child’s age', () => {
    let message = '';
    try {
      given(inCareAt13).when(endCare('2023-06-01', 'E6')).events();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'E6 (moved into independent living) is for young people aged 14+ (903 rule 387); the child is 13 on 2023-06-01.',
    );
  });

  it('Given care ended E4A at 13, When the reason is amended to E6, Then the amendment is refused on the reason', () =>
    given([...inCareAt13, careEnded('2023-06-01', 'E4A')])
      .when(amendEntry('e3', { reason: 'E6' }))
      .thenThrows('independent-living-needs-age-14', 'amendedData.reason'));
});
