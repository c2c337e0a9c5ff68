import { ENTRY_FIELDS, storedJourneyEvents, type JourneyEvent } from '@care-journey/journey';
import {
  amendFormFor,
  amendValues,
  CORRECTION_FORMS,
  formBySlug,
  type CorrectableEntryType,
} from './correction-forms';
import { RECORD_FORMS } from './form-definitions';
import type { StoredJourneyEvent } from '@care-journey/journey';

const AMEND = CORRECTION_FORMS.find((f) => f.slug === 'amend')!;
const entryOf = (event: JourneyEvent) =>
  storedJourneyEvents([event])[0] as StoredJourneyEvent & { type: CorrectableEntryType };
const names = (event: JourneyEvent) => amendFormFor(AMEND, entryOf(event)).fields.map((f) => f.name);

describe('the correction forms', () => {
  it('an amendment of a review is filled in on the review form’s fields, under amendedData, then the reason', () => {
    expect(
      names({
        type: 'StatutoryReviewHeld',
        data: { childId: 'c', effectiveDate: '2024-01-02', participation: 'PN1' },
      }),
    ).toEqual(['amendedData.effectiveDate', 'amendedData.participation', 'reason']);
  });

  it('an adoption order’s amendment leaves out the form’s application, which the entry does not hold', () => {
    const fields = names({
      type: 'AdoptionOrderGranted',
      data: {
        childId: 'c',
        effectiveDate: '2024-01-02',
        adoptedByFosterCarer: false,
        numberOfAdopters: 2,
        adopterSex: 'MF',
        adopterLegalStatus: 'L0',
      },
    });
    expect(fields).not.toContain('amendedData.application');
    expect(fields).toContain('amendedData.numberOfAdopters');
  });

  it('every field of every correctable entry’s form is a field the entry holds', () => {
    for (const [type, entryFields] of Object.entries(ENTRY_FIELDS)) {
      if (['EntryAmended', 'EntryRetracted', 'RegistrationRetracted'].includes(type)) continue;
      const event = { type, data: { childId: 'c', effectiveDate: '2024-01-02' } } as unknown as JourneyEvent;
      const amended = names(event).filter((n) => n !== 'reason');
      expect(amended.length).toBeGreaterThan(0);
      for (const name of amended)
        expect(entryFields as readonly string[]).toContain(name.slice('amendedData.'.length).split('.')[0]);
    }
  });

  it('the form starts with the entry’s answers as they stand: yes/no, numbers and nested fields as text', () => {
    const entry = entryOf({
      type: 'AnnualHealthOutcomesRecorded',
      data: {
        childId: 'c',
        effectiveDate: '2025-03-31',
        sdqScore: 0,
        immunisations: true,
        teethCheck: false,
        healthAssessment: true,
        substanceMisuse: false,
      },
    });
    const values = amendValues(amendFormFor(AMEND, entry), entry);
    expect(values['amendedData.sdqScore']).toBe('0');
    expect(values['amendedData.teethCheck']).toBe('false');
    expect(values['amendedData.healthCheck']).toBe('');
    expect(values).not.toHaveProperty('reason');
  });

  it('amend and withdraw are found by their address, beside the record forms', () => {
    expect(formBySlug('amend')?.command).toBe('AmendEntry');
    expect(formBySlug('withdraw')?.command).toBe('RetractEntry');
    expect(formBySlug('review')).toBe(RECORD_FORMS.find((f) => f.slug === 'review'));
    expect(formBySlug('nope')).toBeUndefined();
  });
});
