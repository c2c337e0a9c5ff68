import { ENTRY_FIELD_NAMES, isFieldOf } from './entry-fields';
import { registered, reviewHeld } from './testing/fixtures';

describe('entry fields', () => {
  it('Given an entry as recorded, Then every field of its data is one of its type’s fields', () => {
    for (const event of [registered, reviewHeld('2024-06-05')])
      for (const field of Object.keys(event.data)) expect(isFieldOf(event.type, field)).toBe(true);
  });
  it('Given a field of another type or of none, Then it is not one of the type’s fields', () => {
    expect(isFieldOf('StatutoryReviewHeld', 'childRef')).toBe(false);
    expect(isFieldOf('StatutoryReviewHeld', 'notes')).toBe(false);
  });
  it('Given every entry type, Then the names an amendment can give hold theirs, not the corrections’ own', () => {
    expect([...ENTRY_FIELD_NAMES]).toEqual(
      expect.arrayContaining(['childRef', 'participation', 'placement']),
    );
    for (const own of ['correctedEventId', 'retractedEventId', 'amendedData', 'notes'])
      expect(ENTRY_FIELD_NAMES.has(own)).toBe(false);
  });
});
