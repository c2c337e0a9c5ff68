import type { JourneyEvent } from '../events';
import { stateOf } from '../testing/decider-specification';
import { CHILD, inCare, reviewHeld } from '../testing/fixtures';
import { amendableEntryType, childRefAmendedIn } from './corrections-targets';

// Given events get ids e1, e2, … in order: e1 registration, e2 start of care, e3 a review.
const amendment = (correctedEventId: string, amendedData: Record<string, unknown>): JourneyEvent => ({
  type: 'EntryAmended',
  data: { childId: CHILD, effectiveDate: '2024-05-01', correctedEventId, reason: 'typo', amendedData },
});
const retraction: JourneyEvent = {
  type: 'EntryRetracted',
  data: { childId: CHILD, effectiveDate: '2024-06-05', retractedEventId: 'e3', reason: 'twice' },
};

describe('amendableEntryType', () => {
  const journey = stateOf([...inCare, reviewHeld('2024-06-05')]);
  it('given a live entry, it is that entry’s type', () => {
    expect(amendableEntryType(journey, 'e1')).toBe('ChildRegistered');
    expect(amendableEntryType(journey, 'e3')).toBe('StatutoryReviewHeld');
  });
  it('given an id that is no entry of the journey (or not a string), there is none', () => {
    expect(amendableEntryType(journey, 'nope')).toBeUndefined();
    expect(amendableEntryType(journey, 42)).toBeUndefined();
  });
  it('given a retracted entry or a correction, there is none (the decider refuses those)', () => {
    const corrected = stateOf([...inCare, reviewHeld('2024-06-05'), retraction]);
    expect(amendableEntryType(corrected, 'e3')).toBeUndefined();
    expect(amendableEntryType(corrected, 'e4')).toBeUndefined();
  });
});

describe('childRefAmendedIn', () => {
  const journey = stateOf([...inCare, reviewHeld('2024-06-05')]);
  it('given an amendment of the registration with a childRef, it is that reference for this child', () =>
    expect(childRefAmendedIn([amendment('e1', { childRef: 'ACC0008' })], journey)).toEqual({
      childRef: 'ACC0008',
      childId: CHILD,
    }));
  it('given an amendment of the registration without a childRef, there is none', () =>
    expect(childRefAmendedIn([amendment('e1', { team: 'South' })], journey)).toBeUndefined());
  it('given a childRef in an amendment of another entry, there is none (it is no reference there)', () =>
    expect(childRefAmendedIn([amendment('e3', { childRef: 'ACC0008' })], journey)).toBeUndefined());
  it('given events that amend nothing, there is none', () =>
    expect(childRefAmendedIn([reviewHeld('2024-07-01')], journey)).toBeUndefined());
});
