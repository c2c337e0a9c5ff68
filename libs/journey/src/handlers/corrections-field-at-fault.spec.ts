import { amendEntry } from '../testing/correction-commands';
import { DomainRuleViolation } from '../errors';
import { given } from '../testing/decider-specification';
import { inCare, registered } from '../testing/fixtures';
import { thrownBy } from '../testing/thrown-by';

/**
 * A refused amendment names the field the user sent and the rule it breaks, also when the rule
 * compares two fields and names the other one: the registration's date-before-birth rule checks
 * effectiveDate (when the child became known) against dateOfBirth.
 */
const amend = amendEntry;

describe('AmendEntry: the field a refusal names', () => {
  // The registration (e1) is dated 2024-05-01.
  it('Given a registration, When dateOfBirth is amended to after the registration date, Then the refusal names amendedData.dateOfBirth and the rule', () => {
    given([registered])
      .when(amend('e1', { dateOfBirth: '2024-06-01' }))
      .thenThrows('date-before-birth', 'amendedData.dateOfBirth');
    const error = thrownBy(DomainRuleViolation, () =>
      given([registered])
        .when(amend('e1', { dateOfBirth: '2024-06-01' }))
        .events(),
    );
    expect(error.message).toMatch(
      /^The registration on 1 May 2024 cannot be corrected like this: with amendedData\.dateOfBirth "2024-06-01", effectiveDate 2024-05-01 is before the child's date of birth \(2024-06-01\)\./,
    );
  });

  it('Given a registration, When dateOfBirth and another field are amended, Then the refusal names the one that breaks the rule', () =>
    given([registered])
      .when(amend('e1', { name: 'Amira H. Hassan', dateOfBirth: '2024-06-01' }))
      .thenThrows('date-before-birth', 'amendedData.dateOfBirth'));

  it('Given a registration, When effectiveDate is amended to before the date of birth, Then the refusal still names amendedData.effectiveDate', () =>
    given([registered])
      .when(amend('e1', { effectiveDate: '2010-01-01' }))
      .thenThrows('date-before-birth', 'amendedData.effectiveDate'));

  it('Given a child in care, When dateOfBirth is amended to after the start of care, Then the registration breaks first and is named', () =>
    given(inCare)
      .when(amend('e1', { dateOfBirth: '2024-06-01' }))
      .thenThrows('date-before-birth', 'amendedData.dateOfBirth'));
});
