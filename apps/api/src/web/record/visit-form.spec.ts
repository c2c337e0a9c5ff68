import { formToBody } from './form-body';
import { recordForm } from './form-definitions';
import { recordFormPage } from './record-form.page';

const visit = recordForm('visit')!;

describe('the statutory visit form (reg 28)', () => {
  it('Given the form, Then it asks the date, whether the child was seen alone, and an optional note panel members do not see', () => {
    const page = recordFormPage({
      user: { id: 'sw', name: 'Sam Worker', role: 'social_worker' },
      csrfToken: 'csrf-token-0123456789abcdefghijklmnop',
      childId: 'child-1',
      childLabel: 'Sam Taylor (LA-1)',
      childRef: 'LA-1',
      form: visit,
      values: {},
      errors: [],
      revision: '4',
      idempotencyKey: '6f1c1d0e-1b7a-4c55-9f51-3f7f2f0c8a11',
    }).value;
    expect(page).toContain('Date of the visit');
    expect(page).toMatch(/name="seenAlone"[^>]*value="true"/);
    expect(page).toMatch(/name="seenAlone"[^>]*value="false"/);
    expect(page).toContain('Note (optional)');
    expect(page).toContain('name="visitNote"');
    expect(page).toContain('Panel members do not see it.');
  });

  it('Given "no" and a blank note, When sent, Then the body says seenAlone false and holds no note', () =>
    expect(
      formToBody(visit.fields, { effectiveDate: '2026-11-20', seenAlone: 'false', visitNote: '  ' }),
    ).toEqual({
      effectiveDate: '2026-11-20',
      seenAlone: false,
    }));

  it('sends the journey command that records a visit', () =>
    expect(visit.command).toBe('RecordStatutoryVisit'));
});
