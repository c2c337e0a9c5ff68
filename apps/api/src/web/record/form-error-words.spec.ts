import { BadRequestException } from '@nestjs/common';
import type { BadRequestBody } from '../../http/field-errors';
import { createValidationPipe } from '../../http/validation-pipe';
import { formToBody } from './form-body';
import { recordForm, type RecordForm } from './form-definitions';
import { inFormWords } from './form-error-words';
import {
  DomainRuleViolation,
  evolveAll,
  journeyDecider,
  storedJourneyEvents,
  type JourneyEvent,
} from '@care-journey/journey';
import { CORRECTION_FORMS } from './correction-forms';
import { correctionFormFor, type CorrectableEntry } from './correction-target';

const form = (slug: string): RecordForm => recordForm(slug)!;

/** What the API answers to a submitted form: the same pipe and DTO the form is sent through. */
async function apiErrors(f: RecordForm, submitted: Record<string, string>) {
  try {
    await createValidationPipe().transform(formToBody(f.fields, submitted), {
      type: 'body',
      metatype: f.dto,
    });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return (error.getResponse() as BadRequestBody).errors;
  }
}

describe('form errors in the form’s words', () => {
  it('Given an empty placement-change form, the API names its fields; the page names the labels and keeps each rule', async () => {
    const f = form('placement-change');
    const errors = await apiErrors(f, {});
    expect(errors.map((e) => e.message)).toContain('effectiveDate is required');
    const shown = errors.map((e) => inFormWords(f, e));
    expect(shown).toHaveLength(4);
    expect(shown).toEqual(
      expect.arrayContaining([
        { field: 'effectiveDate', message: 'Date of the move is required' },
        { field: 'placement.placementType', message: 'Placement type is required' },
        { field: 'reasonForChange', message: 'Reason for the change is required' },
        { field: 'sameCarer', message: '“Is it the same carer as before?” is required' },
      ]),
    );
  });

  it('Given bad values, a nested field’s rule keeps its text under its label', async () => {
    const f = form('entry-to-care');
    const errors = await apiErrors(f, {
      effectiveDate: '2024-02-30',
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
      'placement.placementType': 'XX',
      'placement.inArea': 'maybe',
    });
    const shown = errors.map((e) => inFormWords(f, e));
    expect(shown).toHaveLength(3);
    expect(shown).toEqual(
      expect.arrayContaining([
        {
          field: 'effectiveDate',
          message: 'Date the child became looked after must be a real calendar date, YYYY-MM-DD',
        },
        {
          field: 'placement.placementType',
          message: expect.stringMatching(/^Placement type must be a 903 PLACE code: A3, A4, .*, U6, /),
        },
        { field: 'placement.inArea', message: '“Inside the authority’s area?” must be a boolean value' },
      ]),
    );
    for (const { message } of shown) expect(message).not.toMatch(/effectiveDate|placementType|inArea/);
  });

  it('Given a journey rule broken (422), its message is reworded the same way', () => {
    const f = form('place-for-adoption');
    expect(
      inFormWords(f, {
        field: 'placement.placementType',
        message:
          'placement.placementType "U6" is not a placement for adoption (A3–A6, or U2/U5 fostering for adoption).',
      }),
    ).toEqual({
      field: 'placement.placementType',
      message:
        'Placement type "U6" is not a placement for adoption (A3–A6, or U2/U5 fostering for adoption).',
    });
    expect(
      inFormWords(f, {
        field: 'effectiveDate',
        message: 'effectiveDate 2020-01-01 is before the match (2021-05-01).',
      }),
    ).toEqual({
      field: 'effectiveDate',
      message: 'Date placed 2020-01-01 is before the match (2021-05-01).',
    });
  });

  it('swaps a plain-word field name only as the subject, and leaves an error the form has no field for unplaced', () => {
    const f = form('reverse-adoption-decision');
    expect(
      inFormWords(f, { field: 'reason', message: 'reason must be a 903 code; the reason given was E11' }),
    ).toEqual({
      field: 'reason',
      message: 'Reason must be a 903 code; the reason given was E11',
    });
    expect(inFormWords(f, { field: 'type', message: 'Unknown command type "X".' })).toEqual({
      field: undefined,
      message: 'Unknown command type "X".',
    });
  });

  it('Given an amendment refused by the corrected entry’s own rules, the message names the entry’s fields by their labels', () => {
    const review = {
      type: 'StatutoryReviewHeld',
      data: { childId: 'c', effectiveDate: '2024-01-02', participation: 'PN1' },
    } as const;
    const amend = correctionFormFor(
      CORRECTION_FORMS[0],
      storedJourneyEvents([review])[0] as CorrectableEntry,
    );
    expect(
      inFormWords(amend, {
        field: 'amendedData.effectiveDate',
        message: 'amendedData.effectiveDate must be a real calendar date, YYYY-MM-DD',
      }),
    ).toEqual({
      field: 'amendedData.effectiveDate',
      message: 'Date of the review must be a real calendar date, YYYY-MM-DD',
    });
    expect(
      inFormWords(amend, {
        field: 'amendedData.effectiveDate',
        message: 'Amending entry e1 is refused: effectiveDate 2024-01-01 is before the period of care.',
      }).message,
    ).toBe('Amending entry e1 is refused: Date of the review 2024-01-01 is before the period of care.');
  });

  it('Given a date of birth amended so that another entry breaks a rule, the refusal sits beside Date of birth and tells that entry in words, not with this form’s labels', () => {
    // Registered 2025-01-01, in care from 2025-01-10; born 2005-06-01 would make the child 18 in 2023.
    const registration: JourneyEvent = {
      type: 'ChildRegistered',
      data: {
        childId: 'c',
        effectiveDate: '2025-01-01',
        childRef: 'LA-2025-0001',
        name: 'Amira Hassan',
        dateOfBirth: '2015-06-01',
        sex: '2',
        ethnicity: 'AOTH',
        upn: 'A123456789012',
        homePostcode: 'LS8 3QQ',
        uasc: false,
        relinquishedAtBirth: false,
        team: 'North CLA',
        socialWorker: 'sw-jones',
      },
    };
    const careStarted: JourneyEvent = {
      type: 'PeriodOfCareStarted',
      data: {
        childId: 'c',
        effectiveDate: '2025-01-10',
        legalStatus: 'C1',
        categoryOfNeed: 'N1',
        placement: {
          placementType: 'U6',
          provider: 'PR1',
          postcode: 'LS6 2AB',
          urn: 'SC123456',
          inArea: true,
        },
      },
    };
    const events = storedJourneyEvents([registration, careStarted]);
    let refusal: DomainRuleViolation | undefined;
    try {
      journeyDecider.decide(
        {
          type: 'AmendEntry',
          childId: 'c',
          correctedEventId: events[0].id,
          reason: 'Typed the wrong year',
          amendedData: { dateOfBirth: '2005-06-01' },
          now: '2025-06-30T10:00:00Z',
          recordedBy: 'sw-jones',
        },
        evolveAll(events),
      );
    } catch (error) {
      if (error instanceof DomainRuleViolation) refusal = error;
      else throw error;
    }
    expect(refusal).toBeDefined();
    const amend = correctionFormFor(CORRECTION_FORMS[0], events[0] as CorrectableEntry);
    const dateOfBirthLabel = amend.fields.find((f) => f.name === 'amendedData.dateOfBirth')!.label;
    const registeredLabel = amend.fields.find((f) => f.name === 'amendedData.effectiveDate')!.label;
    // As validate-and-send places a 422: by its field, if it names one.
    const shown = inFormWords(amend, { field: refusal!.field, message: refusal!.message });
    expect(shown.field).toBe('amendedData.dateOfBirth');
    expect(shown.message).toContain(
      `with ${dateOfBirthLabel} "2005-06-01", the start of care on 10 January 2025 would then be on or after the child's 18th birthday`,
    );
    // Entries in words: no entry id or rule id for the social worker to decode.
    expect(shown.message).toMatch(/^The registration on 1 January 2025 cannot be corrected like this: /);
    expect(shown.message).not.toContain(events[0].id);
    expect(shown.message).not.toContain(events[1].id);
    expect(shown.message).not.toMatch(/\(rule |looked-after-only-under-18/);
    expect(shown.message).not.toContain(registeredLabel);
  });
});
