import { amendEntry, retractEntry } from '../testing/correction-commands';
import type { AmendEntry, RetractEntry } from '../commands';
import { DomainRuleViolation } from '../errors';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { otherEntryFailureInWords } from './corrections-other-entry';
import { careStarted, placementChanged, registered } from '../testing/fixtures';

/**
 * A correction refused because it would break another entry, not the one corrected: the refusal
 * names the amended field that does it and tells the other entry in words (its type and date),
 * never by that entry's field names, which a form would read as its own fields.
 */
const amend = amendEntry;
const retract = retractEntry;
const refusal = (events: JourneyEvent[], command: AmendEntry | RetractEntry): DomainRuleViolation => {
  try {
    given(events).when(command).events();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

// Registered (e1) 2024-05-01, born 2019-03-02; care starts (e2) 2024-05-10.
const inCare = [registered, careStarted()];
const withPreviousPermanence: JourneyEvent = {
  type: 'PeriodOfCareStarted',
  data: {
    ...(careStarted().data as Extract<JourneyEvent, { type: 'PeriodOfCareStarted' }>['data']),
    previousPermanence: { code: 'P1', la: '383', date: '2019-05-01' },
  },
};

describe('A correction that would break another entry', () => {
  it('Given a child in care from 2024-05-10, When the date of birth is amended so the child was 18 by then, Then the refusal names amendedData.dateOfBirth and the start of care in words', () => {
    given(inCare)
      .when(amend('e1', { dateOfBirth: '2006-01-01' }))
      .thenThrows('looked-after-only-under-18', 'amendedData.dateOfBirth');
    const error = refusal(inCare, amend('e1', { dateOfBirth: '2006-01-01' }));
    expect(error.message).toMatch(
      /^The registration on 1 May 2024 cannot be corrected like this: with amendedData\.dateOfBirth "2006-01-01", the start of care on 10 May 2024 would then be on or after the child's 18th birthday \(2024-01-01, dateOfBirth 2006-01-01\): /,
    );
    // The other entry's field name would be read by a form as one of its own fields.
    expect(error.message).not.toMatch(/effectiveDate/);
  });

  it('Given a child in care, When the name and the date of birth are amended together, Then the refusal names the date of birth, the one that alone breaks the start of care', () =>
    given(inCare)
      .when(amend('e1', { name: 'Amira H. Hassan', dateOfBirth: '2006-01-01' }))
      .thenThrows('looked-after-only-under-18', 'amendedData.dateOfBirth'));

  it('Given a start of care with a previous permanence order in 2019-05, When the date of birth is amended to after it, Then the refusal names amendedData.dateOfBirth and that date of the start of care', () => {
    const events = [registered, withPreviousPermanence];
    given(events)
      .when(amend('e1', { dateOfBirth: '2019-08-01' }))
      .thenThrows('date-before-birth', 'amendedData.dateOfBirth');
    expect(refusal(events, amend('e1', { dateOfBirth: '2019-08-01' })).message).toContain(
      'with amendedData.dateOfBirth "2019-08-01", the previous permanence date 2019-05-01 of the start of care on 10 May 2024 would then be before the child\'s date of birth (2019-08-01). Check the answer, or first correct or withdraw the start of care on 10 May 2024.',
    );
  });

  it('Given a placement change inside care, When the start of care is retracted, Then the refusal names no field and tells the placement change in words', () => {
    const events = [...inCare, placementChanged('2024-09-01')];
    given(events).when(retract('e2')).thenThrows('placement-outside-period-of-care', undefined);
    const error = refusal(events, retract('e2'));
    expect(error.field).toBeUndefined();
    expect(error.message).toMatch(
      /^The start of care on 10 May 2024 cannot be withdrawn: the placement change on 1 September 2024 would then be refused: .* Withdraw the placement change on 1 September 2024 first, or correct it if it should stay\.$/,
    );
  });
});

describe('the other entry’s failure in words', () => {
  const placementChange = { type: 'PlacementChanged', data: placementChanged('2024-09-01').data } as const;
  it('Given a rule that does not read "<field> <value> is …", When told of another entry, Then the field is put in words and the rule kept', () =>
    expect(
      otherEntryFailureInWords(
        placementChange,
        new DomainRuleViolation(
          'r',
          'effectiveDate must be after the start of care, got 2024-09-01.',
          'effectiveDate',
        ),
      ),
    ).toBe(
      'the placement change on 1 September 2024 would then be refused: its date must be after the start of care, got 2024-09-01.',
    ));
  it('Given a rule with no field, When told of another entry, Then its message is kept after the entry’s words', () =>
    expect(
      otherEntryFailureInWords(placementChange, new DomainRuleViolation('r', 'No period of care.')),
    ).toBe('the placement change on 1 September 2024 would then be refused: No period of care.'));
  it('Given a rule whose text names effectiveDate after its subject, When told of another entry, Then no effectiveDate is left for a form to read as its own date', () =>
    expect(
      otherEntryFailureInWords(
        placementChange,
        new DomainRuleViolation('r', 'The move must come after the effectiveDate of the start of care.'),
      ),
    ).toBe(
      'the placement change on 1 September 2024 would then be refused: The move must come after the date of the start of care.',
    ));
});
