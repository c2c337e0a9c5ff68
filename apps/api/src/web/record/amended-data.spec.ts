import { storedJourneyEvents, type JourneyEvent } from '@care-journey/journey';
import { amendedDataOf } from './amended-data';
import { CORRECTION_FORMS, type CorrectableEntryType } from './correction-forms';
import { correctionFormFor } from './correction-target';
import { formToBody } from './form-body';
import type { StoredJourneyEvent } from '@care-journey/journey';

const AMEND = CORRECTION_FORMS.find((f) => f.slug === 'amend')!;
const entryOf = (event: JourneyEvent) =>
  storedJourneyEvents([event])[0] as StoredJourneyEvent & { type: CorrectableEntryType };

const move = entryOf({
  type: 'PlacementChanged',
  data: {
    childId: 'c1',
    effectiveDate: '2024-06-01',
    placement: { placementType: 'U4', provider: 'PR1', postcode: 'LS6 2AB', inArea: true },
    reasonForChange: 'CARPL',
    sameCarer: false,
  },
});
const form = correctionFormFor(AMEND, move);

/** The answers as the form was shown (the entry's), with some changed. */
const answers = (changes: Record<string, string>) => ({
  'amendedData.effectiveDate': '2024-06-01',
  'amendedData.placement.placementType': 'U4',
  'amendedData.placement.provider': 'PR1',
  'amendedData.placement.postcode': 'LS6 2AB',
  'amendedData.placement.urn': '',
  'amendedData.placement.inArea': 'true',
  'amendedData.reasonForChange': 'CARPL',
  'amendedData.sameCarer': 'false',
  reason: 'Wrong date keyed',
  ...changes,
});
const amended = (changes: Record<string, string>) =>
  amendedDataOf(form, move, formToBody(form.fields, answers(changes)));

describe('amendedDataOf: the amend form’s answers as the API’s amendedData', () => {
  it('Given one answer changed, then only that field is sent', () => {
    expect(amended({ 'amendedData.effectiveDate': '2024-06-03' })).toEqual({
      ok: true,
      amendedData: { effectiveDate: '2024-06-03' },
    });
  });

  it('Given a part of the placement changed, then the whole placement is sent', () => {
    expect(amended({ 'amendedData.placement.postcode': 'LS1 4AB' })).toEqual({
      ok: true,
      amendedData: { placement: { placementType: 'U4', provider: 'PR1', postcode: 'LS1 4AB', inArea: true } },
    });
  });

  it('Given nothing changed, then it is refused before sending, saying so', () => {
    const result = amended({});
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].message).toMatch(/^Nothing was changed/);
  });

  it('Given a field the entry holds left blank, then it is refused by that field: an amendment cannot take a field away', () => {
    expect(amended({ 'amendedData.sameCarer': '' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'amendedData.sameCarer',
          message: expect.stringMatching(/^amendedData\.sameCarer cannot be left blank by a correction/),
        },
      ],
    });
  });

  it('Given an answer the API will refuse, then it is passed on as typed for the entry’s own rules to judge', () => {
    expect(amended({ 'amendedData.effectiveDate': '2024-02-30' })).toEqual({
      ok: true,
      amendedData: { effectiveDate: '2024-02-30' },
    });
  });
});
