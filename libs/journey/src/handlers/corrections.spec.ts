import { amendEntry, retractEntry } from '../testing/correction-commands';
import type { JourneyEvent } from '../events';
import { given } from '../testing/decider-specification';
import { CHILD, careEnded, inCare, placementChanged, reviewHeld } from '../testing/fixtures';

// Given events get ids e1, e2, … in order: e1 registration, e2 start of care, e3 the next entry.
const amend = amendEntry;
const retract = retractEntry;
const amended = (
  correctedEventId: string,
  effectiveDate: string,
  amendedData: Record<string, unknown>,
): JourneyEvent => ({
  type: 'EntryAmended',
  data: { childId: CHILD, effectiveDate, correctedEventId, reason: 'Typed the wrong date', amendedData },
});

describe('AmendEntry', () => {
  const withReview = [...inCare, reviewHeld('2024-06-05')];
  it('amends an entry', () =>
    given(withReview)
      .when(amend('e3', { ...reviewHeld('2024-06-06').data }))
      .then([amended('e3', '2024-06-06', { ...reviewHeld('2024-06-06').data })]));
  it('takes the effective date from the original when the amendment keeps it', () =>
    given(withReview)
      .when(amend('e3', { participation: 'PN2' }))
      .then([amended('e3', '2024-06-05', { participation: 'PN2' })]));
  it('amends the registration (but not the child id)', () =>
    given(withReview)
      .when(amend('e1', { name: 'Amira H. Hassan' }))
      .then([amended('e1', '2024-05-01', { name: 'Amira H. Hassan' })]));
  it('cannot change the child id', () =>
    given(withReview)
      .when(amend('e1', { childId: 'c-other' }))
      .thenThrows('correction-cannot-change-child-id', 'amendedData.childId'));
  it('gives only fields of the entry it corrects (a review holds no notes)', () =>
    given(withReview)
      .when(amend('e3', { participation: 'PN2', notes: 'Long free text' }))
      .thenThrows('not-a-field-of-the-entry', 'amendedData.notes'));
  it('cannot give a field of another kind of entry', () =>
    given(withReview)
      .when(amend('e3', { childRef: 'LA-9' }))
      .thenThrows('not-a-field-of-the-entry', 'amendedData.childRef'));
  it('needs an entry of this journey', () =>
    given(withReview)
      .when(amend('nope', { participation: 'PN2' }))
      .thenThrows('correction-target-unknown', 'correctedEventId'));
  it('cannot amend a retracted entry', () =>
    given([
      ...withReview,
      {
        type: 'EntryRetracted',
        data: { childId: CHILD, effectiveDate: '2024-06-05', retractedEventId: 'e3', reason: 'x' },
      },
    ])
      .when(amend('e3', { participation: 'PN2' }))
      .thenThrows('correction-target-retracted'));
  it('cannot amend a correction', () =>
    given([...withReview, amended('e3', '2024-06-06', { effectiveDate: '2024-06-06' })])
      .when(amend('e4', { effectiveDate: '2024-06-07' }))
      .thenThrows('cannot-correct-a-correction'));
  it('needs a reason', () =>
    given(withReview)
      .when({ ...amend('e3', { participation: 'PN2' }), reason: '' })
      .thenThrows('required-field', 'reason'));
  it('needs the amended data', () =>
    given(withReview)
      .when(amend('e3', null as never))
      .thenThrows('required-field', 'amendedData'));
  it('checks the amended date', () =>
    given(withReview)
      .when(amend('e3', { effectiveDate: '2024-06-31' }))
      .thenThrows('invalid-date', 'amendedData.effectiveDate'));
  it('refuses a date in the future', () =>
    given(withReview)
      .when(amend('e3', { effectiveDate: '2025-07-01' }))
      .thenThrows('date-in-future'));
  it('re-checks the amended entry against the rules', () =>
    given(withReview)
      .when(amend('e3', { participation: 'PN0' }))
      .thenThrows('pn0-only-under-4', 'amendedData.participation'));
  it('refuses an amendment that moves an entry out of care', () =>
    given(withReview)
      .when(amend('e3', { effectiveDate: '2024-05-01' }))
      .thenThrows('review-outside-period-of-care'));
  it('refuses an amendment that breaks a later entry', () =>
    given([...inCare, placementChanged('2024-09-01')])
      .when(amend('e2', { effectiveDate: '2024-10-01' }))
      .thenThrows('placement-outside-period-of-care'));
  it('refuses a date of birth that makes reviews wrong', () =>
    given(withReview)
      .when(amend('e1', { dateOfBirth: '2021-03-02' }))
      .thenThrows('pn0-required-under-4'));
  it('needs a registered child', () => given([]).when(amend('e1', {})).thenThrows('child-not-registered'));
  it('is about this child', () =>
    given(withReview)
      .when({ ...amend('e3', {}), childId: 'c-other' })
      .thenThrows('child-id-mismatch'));
  it('is not blocked by an older, unrelated inconsistency', () =>
    given([...inCare, reviewHeld('2024-06-05', 'PN0'), reviewHeld('2024-07-05')])
      .when(amend('e4', { participation: 'PN3' }))
      .then([amended('e4', '2024-07-05', { participation: 'PN3' })]));
});

describe('RetractEntry', () => {
  const retracted = (id: string, effectiveDate: string): JourneyEvent => ({
    type: 'EntryRetracted',
    data: { childId: CHILD, effectiveDate, retractedEventId: id, reason: 'Recorded on the wrong child' },
  });
  it('retracts an entry', () =>
    given([...inCare, reviewHeld('2024-06-05')])
      .when(retract('e3'))
      .then([retracted('e3', '2024-06-05')]));
  it('uses the amended date of an amended entry', () =>
    given([...inCare, reviewHeld('2024-06-05'), amended('e3', '2024-06-06', { effectiveDate: '2024-06-06' })])
      .when(retract('e3'))
      .then([retracted('e3', '2024-06-06')]));
  it('cannot retract twice', () =>
    given([...inCare, reviewHeld('2024-06-05'), retracted('e3', '2024-06-05')])
      .when(retract('e3'))
      .thenThrows('correction-target-retracted'));
  it('cannot retract a correction', () =>
    given([...inCare, reviewHeld('2024-06-05'), retracted('e3', '2024-06-05')])
      .when(retract('e4'))
      .thenThrows('cannot-correct-a-correction'));
  it('cannot retract the registration', () =>
    given(inCare).when(retract('e1')).thenThrows('cannot-retract-registration'));
  it('needs an entry of this journey', () =>
    given(inCare).when(retract('e99')).thenThrows('correction-target-unknown', 'retractedEventId'));
  it('refuses to leave entries outside care', () =>
    given([...inCare, placementChanged('2024-09-01')])
      .when(retract('e2'))
      .thenThrows('placement-outside-period-of-care'));
  it('can retract the end of care', () =>
    given([...inCare, careEnded('2024-09-01')])
      .when(retract('e3'))
      .then([retracted('e3', '2024-09-01')]));
});
