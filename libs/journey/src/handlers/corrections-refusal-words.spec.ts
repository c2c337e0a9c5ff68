import { amendEntry, retractEntry } from '../testing/correction-commands';
import type { AmendEntry, RetractEntry } from '../commands';
import { DomainRuleViolation } from '../errors';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, inCare, reviewHeld } from '../testing/fixtures';

/**
 * A refused correction is read by a social worker on the web form: it names entries by their type
 * and date, never by id or rule id, and says what to do first. The ids and the rule stay
 * machine-readable on the error (`rule`, `field`, `entries`) for the API's JSON body.
 */
const refusal = (events: JourneyEvent[], command: AmendEntry | RetractEntry): DomainRuleViolation => {
  try {
    given(events).when(command).events();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

const planSet = (date: string): JourneyEvent => ({
  type: 'PermanencePlanSet',
  data: { childId: CHILD, effectiveDate: date, route: 'adoption' },
});

// Registered (e1); in care from 2024-05-10 (e2); a plan on 2024-05-20 (e3), a review on 2024-06-01 (e4).
const withPlanAndReview = [...inCare, planSet('2024-05-20'), reviewHeld('2024-06-01')];
const NO_IDS = /\be[1-9]\b|[0-9a-f]{8}-[0-9a-f]{4}|\(rule |API/;

describe('A refused correction, in words', () => {
  it('Given a plan and a review inside the only period of care, When the start of care is withdrawn, Then the refusal names both in words, says to withdraw them first, and keeps their ids and the rule for clients', () => {
    const error = refusal(withPlanAndReview, retractEntry('e2'));
    expect(error).toMatchObject({
      rule: 'permanence-plan-outside-period-of-care',
      field: undefined,
      entries: ['e3', 'e4'],
    });
    expect(error.message).toMatch(
      /^The start of care on 10 May 2024 cannot be withdrawn: the permanence plan on 20 May 2024 would then be not within any period of care of this child\. Withdraw the permanence plan on 20 May 2024 and the statutory review on 1 June 2024 first, or correct them if they should stay\.$/,
    );
    expect(error.message).not.toMatch(NO_IDS);
  });

  it('Given a review inside care, When its date is corrected to before care began, Then the refusal names the review in words, not by id, and the date field sent', () => {
    const error = refusal(withPlanAndReview, amendEntry('e4', { effectiveDate: '2024-04-01' }));
    expect(error.field).toBe('amendedData.effectiveDate');
    expect(error.entries).toBeUndefined();
    expect(error.message).toMatch(/^The statutory review on 1 June 2024 cannot be corrected like this: /);
    expect(error.message).not.toMatch(NO_IDS);
  });

  it('Given a plan after the start of care, When the start of care is moved after the plan, Then the refusal says to check the answer or correct the plan first', () => {
    const error = refusal(withPlanAndReview, amendEntry('e2', { effectiveDate: '2024-05-25' }));
    expect(error).toMatchObject({ field: 'amendedData.effectiveDate', entries: ['e3'] });
    expect(error.message).toMatch(
      /^The start of care on 10 May 2024 cannot be corrected like this: with amendedData\.effectiveDate "2024-05-25", the permanence plan on 20 May 2024 would then be .* Check the answer, or first correct or withdraw the permanence plan on 20 May 2024\.$/,
    );
    expect(error.message).not.toMatch(NO_IDS);
  });
});

describe('A correction of an entry already withdrawn, in words', () => {
  it('Given a withdrawn review, When it is corrected, Then the refusal names the review by type and date, not by id', () => {
    const withdrawn: JourneyEvent = {
      type: 'EntryRetracted',
      data: { childId: CHILD, effectiveDate: '2024-06-01', retractedEventId: 'e4', reason: 'Wrong child' },
    };
    const error = refusal([...withPlanAndReview, withdrawn], amendEntry('e4', { participation: 'PN2' }));
    expect(error).toMatchObject({ rule: 'correction-target-retracted', field: 'correctedEventId' });
    expect(error.message).toBe('The statutory review on 1 June 2024 has been withdrawn.');
  });
});
