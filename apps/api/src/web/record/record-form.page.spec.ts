import { CORRECTION_FORMS } from './correction-forms';
import { recordForm } from './form-definitions';
import { recordFormPage, type RecordFormPageModel } from './record-form.page';

const model = (overrides: Partial<RecordFormPageModel> = {}): RecordFormPageModel => ({
  user: { id: 'sw', name: 'Sam Worker', role: 'social_worker' },
  csrfToken: 'csrf-token-0123456789abcdefghijklmnop',
  childId: 'child-1',
  childLabel: 'Sam Taylor (LA-1)',
  childRef: 'LA-1',
  form: recordForm('review')!,
  values: {},
  errors: [],
  revision: '4',
  idempotencyKey: '6f1c1d0e-1b7a-4c55-9f51-3f7f2f0c8a11',
  ...overrides,
});

describe('recordFormPage', () => {
  it('titles the page by the child’s reference, the name in the caption only: titles stay in browser history (review s15 F14)', () => {
    const page = recordFormPage(model()).value;
    expect(page).toContain('<title>Record review for LA-1 – Care Journey</title>');
    expect(/<title>[^<]*<\/title>/.exec(page)?.[0]).not.toContain('Sam Taylor');
    expect(page).toContain('Sam Taylor (LA-1)');
  });

  it('carries the revision it was opened on and its own key in hidden fields', () => {
    const page = recordFormPage(model()).value;
    expect(page).toContain('<input type="hidden" name="revision" value="4">');
    expect(page).toContain(
      '<input type="hidden" name="idempotencyKey" value="6f1c1d0e-1b7a-4c55-9f51-3f7f2f0c8a11">',
    );
  });

  it('says why a whole form was refused, and that nothing was recorded', () => {
    const stale = recordFormPage(model({ refusal: { kind: 'stale' } })).value;
    expect(stale).toContain('id="stale-form"');
    const reused = recordFormPage(
      model({ refusal: { kind: 'key-reused', message: 'Idempotency-Key was already used <here>' } }),
    ).value;
    expect(reused).toContain('id="key-reused-form"');
    expect(reused).toContain('Idempotency-Key was already used &lt;here&gt;');
    const invalid = recordFormPage(
      model({ refusal: { kind: 'key-invalid', message: 'idempotencyKey is missing' } }),
    ).value;
    expect(invalid).toContain('id="form-key-refused"');
    expect(invalid).toContain('idempotencyKey is missing.');
    for (const page of [stale, reused, invalid]) {
      expect(page).toContain('Nothing was recorded');
      expect(page).toContain('<title>Error: ');
    }
  });

  it('shows the API’s errors under the form’s labels, beside their fields, in the order of the form', () => {
    const page = recordFormPage(
      model({
        form: recordForm('placement-change')!,
        errors: [
          { field: 'sameCarer', message: 'sameCarer is required' },
          { field: 'placement', message: 'placement is required' },
          { field: 'effectiveDate', message: 'effectiveDate must be a real calendar date, YYYY-MM-DD' },
          { field: 'type', message: 'Unknown command type "X".' },
        ],
      }),
    ).value;
    const summary = [...page.matchAll(/<li><a href="#([^"]+)">([^<]*)<\/a><\/li>/g)].map(([, id, text]) => [
      id,
      text,
    ]);
    expect(summary).toEqual([
      ['effectiveDate', 'Date of the move must be a real calendar date, YYYY-MM-DD'],
      ['placement-placementType', 'Placement type is required'],
      ['sameCarer', '“Is it the same carer as before?” is required'],
      ['effectiveDate', 'Unknown command type &quot;X&quot;.'],
    ]);
    expect(page).toMatch(
      /<p id="effectiveDate-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:<\/span> Date of the move must be a real calendar date, YYYY-MM-DD<\/p>/,
    );
    expect(page).toContain('id="placement-placementType-error"');
    expect(page).toContain('id="sameCarer-error"');
    // The message the form has no field for is in the summary only, not pinned to the first field.
    expect(page.match(/Unknown command type/g)).toHaveLength(1);
    const shownErrors = [...page.matchAll(/class="govuk-error-message">(.*?)<\/p>/g)].map(([, text]) => text);
    expect(shownErrors).toHaveLength(3);
    for (const text of [...shownErrors, ...summary.map(([, text]) => text)])
      expect(text).not.toMatch(/effectiveDate|placementType|sameCarer|placement is/);
  });

  it('an item asked only at some ages has a third answer that sends nothing, chosen when nothing was given', () => {
    const page = recordFormPage(model({ form: recordForm('health-outcomes')! })).value;
    expect(page).toMatch(/id="convicted-3" name="convicted" type="radio" value="" checked>/);
    expect(page).toContain('Does not apply');
    expect(page).toMatch(/id="immunisations" name="immunisations" type="radio" value="true">/);
    expect(page).not.toMatch(/name="immunisations" type="radio" value="" /);
    // The title keeps its capitals inside the button's sentence.
    expect(page).toContain('Record annual health outcomes (903 OC2)</button>');
  });

  it('a correction carries the entry it corrects in the API’s field and describes it', () => {
    const page = recordFormPage(
      model({
        form: CORRECTION_FORMS.find((f) => f.slug === 'withdraw')!,
        entry: { id: 'e-7', description: 'Review held, 1 March 2023' },
      }),
    ).value;
    expect(page).toContain('<input type="hidden" name="retractedEventId" value="e-7">');
    expect(page).toContain('Review held, 1 March 2023');
    expect(page).toContain('autocomplete="off"');
  });

  it('Given a form sent from an earlier session, Then it says the session changed, nothing was recorded, and shows the answers', () => {
    const page = recordFormPage(
      model({ refusal: { kind: 'session-changed' }, values: { effectiveDate: '2025-03-04' } }),
    ).value;
    expect(page).toContain('id="session-changed-form"');
    expect(page).toContain('Your session changed: check the answers and send again');
    expect(page).toContain('Nothing was recorded');
    expect(page).toContain('value="2025-03-04"');
  });

  it('posts to the address it is shown at: a correction with its entry, so sign-in can return to it', () => {
    expect(recordFormPage(model()).value).toContain('action="/panel/children/child-1/record/review"');
    const withdraw = CORRECTION_FORMS.find((f) => f.slug === 'withdraw')!;
    const page = recordFormPage(
      model({ form: withdraw, entry: { id: 'entry-9', description: 'A review' } }),
    ).value;
    expect(page).toContain('action="/panel/children/child-1/record/withdraw?entry=entry-9"');
  });

  it('Given a withdrawal refused for the entry as a whole (no field), When the form is shown again, Then the summary says why and links to the entry, and the reason box is not marked in error', () => {
    const message =
      'The start of care on 5 January 2026 cannot be withdrawn: the permanence plan on 20 January 2026 would then be not within any period of care of this child. Withdraw the permanence plan on 20 January 2026 first, or correct it if it should stay.';
    const page = recordFormPage(
      model({
        form: CORRECTION_FORMS.find((f) => f.slug === 'withdraw')!,
        entry: { id: 'e-2', description: 'Became looked after, 5 January 2026' },
        values: { reason: 'Recorded for the wrong child' },
        errors: [{ message }],
      }),
    ).value;
    expect(page).toContain(`<li><a href="#corrected-entry">${message}</a></li>`);
    expect(page).toContain('id="corrected-entry"');
    expect(page).not.toContain('govuk-error-message');
    expect(page).not.toContain('govuk-textarea--error');
    expect(page).toContain('Recorded for the wrong child</textarea>');
  });

  it('Given a form that corrects no entry, When a refusal names no field, Then the summary shows it without a link to a field it is not about', () => {
    const page = recordFormPage(model({ errors: [{ message: 'This cannot be recorded now.' }] })).value;
    expect(page).toContain('<li>This cannot be recorded now.</li>');
    expect(page).not.toContain('govuk-error-message');
  });
});
