import type { EndPeriodOfCare } from '../commands';
import { DomainRuleViolation } from '../errors';
import type { JourneyEvent } from '../events';
import { amendEntry } from '../testing/correction-commands';
import { given } from '../testing/decider-specification';
import { CHILD, careEnded, careStarted, meta, registered } from '../testing/fixtures';

/**
 * National definitions §1.3 REC: E8 "any other reason (never just for turning 18; used if 18 and
 * still missing)". Born 2007-03-02: 18 on 2025-03-02.
 */
const NOW = '2026-11-27T10:00:00Z';
const bornOn2007: JourneyEvent = {
  type: 'ChildRegistered',
  data: { ...registered.data, dateOfBirth: '2007-03-02', effectiveDate: '2024-05-01' } as never,
};
const inCareAt17 = [bornOn2007, careStarted('2024-05-10')];
const missingFrom = (effectiveDate: string): JourneyEvent => ({
  type: 'MissingEpisodeStarted',
  data: { childId: CHILD, effectiveDate, kind: 'M' },
});
const endCare = (effectiveDate: string, reason: string): EndPeriodOfCare => ({
  type: 'EndPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  reason,
  ...meta(NOW),
});

describe('E8 and the 18th birthday', () => {
  it('Given a young person in care and not missing, When care ends E8 on the 18th birthday, Then it is refused on reason', () =>
    given(inCareAt17).when(endCare('2025-03-02', 'E8')).thenThrows('e8-not-for-turning-18', 'reason'));

  it('Given the same refusal, Then the message names the reasons to choose instead', () => {
    let message = '';
    try {
      given(inCareAt17).when(endCare('2025-03-02', 'E8')).events();
    } catch (error) {
      if (error instanceof DomainRuleViolation) message = error.message;
    }
    expect(message).toBe(
      'E8 is not used for leaving care at 18: choose E17 (stayed with carers), E5/E6 (independent living) or E7 (adult social care); E8 only if the young person is missing.',
    );
  });

  it('Given a young person missing since before the 18th birthday, When care ends E8 on the birthday, Then it is recorded', () =>
    given([...inCareAt17, missingFrom('2025-02-20')])
      .when(endCare('2025-03-02', 'E8'))
      .then([careEnded('2025-03-02', 'E8')]));

  it('Given a young person in care, When care ends E8 the day before the 18th birthday, Then it is recorded (another reason, not turning 18)', () =>
    given(inCareAt17)
      .when(endCare('2025-03-01', 'E8'))
      .then([careEnded('2025-03-01', 'E8')]));

  it('Given a young person in care, When care ends E17 on the 18th birthday, Then it is recorded', () =>
    given(inCareAt17)
      .when(endCare('2025-03-02', 'E17'))
      .then([careEnded('2025-03-02', 'E17')]));

  it('Given care ended E17 on the 18th birthday, When the reason is amended to E8, Then the amendment is refused on the reason', () =>
    given([...inCareAt17, careEnded('2025-03-02', 'E17')])
      .when(amendEntry('e3', { reason: 'E8' }))
      .thenThrows('e8-not-for-turning-18', 'amendedData.reason'));

  it('Given a young person in care and not missing, When a 903 return’s E8 on the 18th birthday is recorded as returned (the import), Then it is kept, and the entry does not carry the option', () =>
    given(inCareAt17)
      .when({ ...endCare('2025-03-02', 'E8'), asReturned: true })
      .then([careEnded('2025-03-02', 'E8')]));

  it('Given the same end of care as returned, When it is another rule it breaks (E17 before 18), Then it is still refused: the option lifts only the E8 rule', () =>
    given(inCareAt17)
      .when({ ...endCare('2025-03-01', 'E17'), asReturned: true })
      .thenThrows('e17-needs-age-18', 'reason'));
});
