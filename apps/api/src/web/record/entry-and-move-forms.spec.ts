import { BadRequestException } from '@nestjs/common';
import { createValidationPipe } from '../../http/validation-pipe';
import type { StoredJourneyEvent } from '@care-journey/journey';
import { amendFormFor, CORRECTION_FORMS } from './correction-forms';
import { formToBody } from './form-body';
import { recordForm, type RecordForm } from './form-definitions';
import { recordFormPage } from './record-form.page';

const pageOf = (form: RecordForm): string =>
  recordFormPage({
    user: { id: 'sw', name: 'Sam Worker', role: 'social_worker' },
    csrfToken: 'csrf-token-0123456789abcdefghijklmnop',
    childId: 'child-1',
    childLabel: 'Sam Taylor (LA-1)',
    childRef: 'LA-1',
    form,
    values: {},
    errors: [],
    revision: '4',
    idempotencyKey: '6f1c1d0e-1b7a-4c55-9f51-3f7f2f0c8a11',
  }).value;

/** The option values of the select named `name`. */
const optionsOf = (page: string, name: string): string[] => {
  const select = new RegExp(`<select[^>]*name="${name.replace(/\./g, '\\.')}"[^>]*>(.*?)</select>`, 's').exec(
    page,
  );
  if (!select) throw new Error(`no select ${name}`);
  return [...select[1].matchAll(/<option value="([^"]*)"/g)].map(([, value]) => value).filter(Boolean);
};

/** Where the question named `name` starts on the page (-1 when it is not asked). */
const questionAt = (page: string, name: string): number => page.indexOf(`name="${name}"`);

const entryToCare = recordForm('entry-to-care')!;
const placementChange = recordForm('placement-change')!;

const entryAnswers = (answers: Record<string, string>): Record<string, unknown> =>
  formToBody(entryToCare.fields, {
    effectiveDate: '2024-05-10',
    legalStatus: 'C1',
    categoryOfNeed: 'N1',
    'placement.placementType': 'U6',
    'placement.provider': 'PR1',
    ...answers,
  });

const refusedFields = async (body: Record<string, unknown>): Promise<string[]> => {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: entryToCare.dto });
    return [];
  } catch (error) {
    if (!(error instanceof BadRequestException)) throw error;
    return ((error.getResponse() as { errors: { field: string }[] }).errors ?? []).map((e) => e.field);
  }
};

describe('the entry-to-care and placement-change forms', () => {
  it('Given the placement-change form, When it is opened, Then its placement types leave out T0–T4 and A3–A6, which a move always refuses', () => {
    const types = optionsOf(pageOf(placementChange), 'placement.placementType');
    expect(types).toEqual(expect.arrayContaining(['U1', 'U6', 'K2']));
    for (const code of ['T0', 'T1', 'T2', 'T3', 'T4', 'A3', 'A4', 'A5', 'A6'])
      expect(types).not.toContain(code);
  });

  it('Given the placement-change form, When it is opened, Then the same-carer question comes before the reason, whose hint says which reasons fit which answer (frontline review F7)', () => {
    const page = pageOf(placementChange);
    const sameCarer = questionAt(page, 'sameCarer');
    expect(sameCarer).toBeGreaterThan(questionAt(page, 'placement.placementType'));
    expect(questionAt(page, 'reasonForChange')).toBeGreaterThan(sameCarer);
    expect(page).toContain(
      'PLACE only with the same carer; CLOSE, ALLEG, STAND, APPRR, CREQB, CREQO and CHILD only with a new carer; CARPL, CUSTOD, LAREQ and OTHER with either',
    );
  });

  it('Given a placement change being corrected, When its amend form is opened, Then it asks the same-carer question before the reason too', () => {
    const entry = {
      id: 'e1',
      type: 'PlacementChanged',
      recordedAt: '2026-10-20T09:00:00.000Z',
      recordedBy: 'sw',
      data: {
        childId: 'child-1',
        effectiveDate: '2026-10-20',
        placement: { placementType: 'U6', provider: 'PR4' },
        reasonForChange: 'CREQB',
        sameCarer: false,
      },
    } as StoredJourneyEvent & { type: 'PlacementChanged' };
    const amend = amendFormFor(CORRECTION_FORMS[0], entry);
    const page = pageOf(amend);
    expect(questionAt(page, 'amendedData.sameCarer')).toBeGreaterThan(-1);
    expect(questionAt(page, 'amendedData.reasonForChange')).toBeGreaterThan(
      questionAt(page, 'amendedData.sameCarer'),
    );
  });

  it('Given the entry-to-care form, When it is opened, Then it asks the previous permanence code (none and not known among them), the authority and the date, and offers no temporary placement', () => {
    const page = pageOf(entryToCare);
    expect(optionsOf(page, 'previousPermanence.code')).toEqual(['P1', 'P2', 'P3', 'P4', 'Z1']);
    expect(page).toMatch(/<option value="Z1">Z1: None<\/option>/);
    expect(page).toMatch(/<option value="P4">P4: Unknown<\/option>/);
    expect(page).toContain('name="previousPermanence.la"');
    expect(page).toContain('name="previousPermanence.date"');
    expect(optionsOf(page, 'placement.placementType')).not.toContain('T2');
  });

  it('Given previous permanence answered on the form, When it is sent, Then the API DTO receives the nested previousPermanence and judges it as the API does', async () => {
    const answered = entryAnswers({
      'previousPermanence.code': 'p2',
      'previousPermanence.la': '873',
      'previousPermanence.date': '2019-06-14',
    });
    expect(answered.previousPermanence).toEqual({ code: 'P2', la: '873', date: '2019-06-14' });
    expect(await refusedFields(answered)).toEqual([]);
    expect(await refusedFields(entryAnswers({ 'previousPermanence.code': 'P9' }))).toEqual([
      'previousPermanence.code',
    ]);
    expect(
      await refusedFields(
        entryAnswers({
          'previousPermanence.code': 'P2',
          'previousPermanence.la': 'Leeds',
          'previousPermanence.date': '14/06/2019',
        }),
      ),
    ).toEqual(['previousPermanence.la', 'previousPermanence.date']);
    // Left unanswered: no previousPermanence, as an API call without it (exported as P4).
    expect(entryAnswers({}).previousPermanence).toBeUndefined();
  });
});
