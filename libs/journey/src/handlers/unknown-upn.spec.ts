/**
 * 903 rule 209: UN1 ("not of school age, no UPN yet") is refused for a child who was 4 by the
 * 31 August before the collection year of the registration or of a start of care.
 */
import { amendEntry } from '../testing/correction-commands';
import type { RegisterChild, StartPeriodOfCare } from '../commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, fosterU6, inCare, meta, registered } from '../testing/fixtures';

const NOW = '2026-11-27T10:00:00Z';
const register = (changes: Partial<RegisterChild>): RegisterChild => ({
  ...(registered.data as RegisterChild),
  type: 'RegisterChild',
  ...meta(NOW),
  ...changes,
});
const registeredAs = (changes: Partial<RegisterChild>): JourneyEvent => ({
  type: 'ChildRegistered',
  data: { ...registered.data, ...changes } as never,
});
const startCare = (effectiveDate: string): StartPeriodOfCare => ({
  type: 'StartPeriodOfCare',
  childId: CHILD,
  effectiveDate,
  legalStatus: 'C1',
  categoryOfNeed: 'N1',
  placement: fosterU6,
  ...meta(NOW),
});

describe('UN1 only below school age (903 rule 209)', () => {
  it('given nothing, when an 11-year-old is registered with UN1, then it is refused on upn', () =>
    given([])
      .when(register({ dateOfBirth: '2015-03-02', effectiveDate: '2026-10-01', upn: 'UN1' }))
      .thenThrows('un1-school-age-903-rule-209', 'upn'));

  it('given nothing, when a school-age child is registered with UN1, then the refusal sends the worker to the 903 lead for UN2–UN5, guessing no meaning', () => {
    let message = '';
    try {
      given([])
        .when(register({ dateOfBirth: '2015-03-02', effectiveDate: '2026-10-01', upn: 'UN1' }))
        .events();
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("Record the child's UPN; without one, UN2–UN5 only as your 903 lead directs");
    expect(message).not.toContain('whose own case applies');
  });

  it('given nothing, when a 3-year-old is registered with UN1, then it is accepted', () =>
    expect(
      given([])
        .when(register({ dateOfBirth: '2023-01-01', effectiveDate: '2026-10-01', upn: 'UN1' }))
        .events(),
    ).toHaveLength(1));

  it('given a registration in 2026/27 (reference 31 August 2025), then a child born 31 August 2021 is of school age, one born 1 September 2021 is not', () => {
    given([])
      .when(register({ dateOfBirth: '2021-08-31', effectiveDate: '2026-05-01', upn: 'UN1' }))
      .thenThrows('un1-school-age-903-rule-209', 'upn');
    expect(
      given([])
        .when(register({ dateOfBirth: '2021-09-01', effectiveDate: '2026-05-01', upn: 'UN1' }))
        .events(),
    ).toHaveLength(1);
  });

  it('given nothing, when a school-age child is registered with another unknown-UPN code (UN3), then it is accepted', () =>
    expect(
      given([])
        .when(register({ dateOfBirth: '2015-03-02', effectiveDate: '2026-10-01', upn: 'UN3' }))
        .events(),
    ).toHaveLength(1));

  it('given a baby registered with UN1 in 2019, when care starts in 2024 at school age, then it is refused on upn', () =>
    given([registeredAs({ dateOfBirth: '2019-03-02', effectiveDate: '2019-04-01', upn: 'UN1' })])
      .when(startCare('2024-05-10'))
      .thenThrows('un1-school-age-903-rule-209', 'upn'));

  it('given a child in care since 2024-05-10 (born 2019-03-02), when the UPN is amended to UN1, then it is refused', () => {
    const amend = amendEntry('e1', { upn: 'UN1' }, 'UPN unknown');
    given(inCare).when(amend).thenThrows('un1-school-age-903-rule-209');
  });
});
