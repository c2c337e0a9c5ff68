import { amendedFieldErrors } from './amendment-field-rules';
import { amendEntry as amend } from './testing/correction-commands';
import { given } from './testing/decider-specification';
import { inCare, registered } from './testing/fixtures';

/**
 * s13 dev review F8: an amendment keeps the corrected entry's field rules in the decider, for every
 * writer (the seeder and the 903 import decide without the API's DTOs). e1 is the registration,
 * e2 the start of care (with its placement).
 */
describe('AmendEntry keeps the entry’s field rules (decider, every writer)', () => {
  it('Given a start of care, When the amendment gives a part its placement does not hold, Then it is refused naming amendedData.placement.<part>', () =>
    given(inCare)
      .when(amend('e2', { placement: { placementType: 'U6', carerName: 'x' } }))
      .thenThrows('not-a-field-of-the-entry', 'amendedData.placement.carerName'));

  it('Given a registration, When the amendment clears a field the registration always holds, Then it is refused (required-field)', () =>
    given([registered])
      .when(amend('e1', { team: null }))
      .thenThrows('required-field', 'amendedData.team'));

  it('Given a registration, When uasc is amended to a text, Then it is refused (wrong-kind-of-value)', () =>
    given([registered])
      .when(amend('e1', { uasc: 'yes' }))
      .thenThrows('wrong-kind-of-value', 'amendedData.uasc'));

  it('Given a start of care, When the placement is amended to a text, or its inArea to a number, Then each is refused naming the field', () => {
    given(inCare)
      .when(amend('e2', { placement: 'U6' }))
      .thenThrows('wrong-kind-of-value', 'amendedData.placement');
    given(inCare)
      .when(amend('e2', { placement: { placementType: 'U6', inArea: 1 } }))
      .thenThrows('wrong-kind-of-value', 'amendedData.placement.inArea');
  });

  it('Given a registration, When the amendment clears the home postcode (a registration may hold none), Then it is not refused by the field rules', () =>
    expect(amendedFieldErrors('ChildRegistered', { homePostcode: null })).toEqual([]));

  it('Given a registration, When the amendment gives a name of the right kind, Then it is recorded', () =>
    expect(
      given([registered])
        .when(amend('e1', { name: 'Amira H. Hassan' }))
        .events()
        .map((e) => e.type),
    ).toEqual(['EntryAmended']));
});

describe('amendedFieldErrors (what the API answers with, every error at once)', () => {
  it('Given several broken fields, Then each is named with its rule, nested parts by their path, childId left to its own rule', () =>
    expect(
      amendedFieldErrors('PeriodOfCareStarted', {
        childId: 'another',
        legalStatus: 7,
        previousPermanence: { code: 'Z1', reason: 'x' },
        bogus: 1,
      }).map((e) => [e.field, e.rule]),
    ).toEqual([
      ['amendedData.legalStatus', 'wrong-kind-of-value'],
      ['amendedData.previousPermanence.reason', 'not-a-field-of-the-entry'],
      ['amendedData.bogus', 'not-a-field-of-the-entry'],
    ]));

  it('Given a field named like an inherited member, Then it is not a field of the entry', () =>
    expect(amendedFieldErrors('StatutoryReviewHeld', { toString: 'y' })).toEqual([
      expect.objectContaining({ field: 'amendedData.toString', rule: 'not-a-field-of-the-entry' }),
    ]));

  it('Given a correction type, Then there is nothing to check (the decider refuses to amend a correction)', () =>
    expect(amendedFieldErrors('EntryAmended', { reason: 1 })).toEqual([]));
});
