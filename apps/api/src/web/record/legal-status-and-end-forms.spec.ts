import { RECORD_FORMS } from './form-definitions';

describe('the legal status form', () => {
  const field = RECORD_FORMS.find((f) => f.slug === 'legal-status')?.fields.find(
    (f) => f.name === 'legalStatus',
  );
  const offered = field?.kind === 'code' ? field.only : undefined;

  it('Given the placement order has its own form, When the legal status form lists the codes, Then E1 is not one of them', () => {
    expect(offered).toBeDefined();
    expect(offered).not.toContain('E1');
  });

  it('Given the other legal statuses, When listed, Then the care orders and accommodation are still offered', () =>
    expect(offered).toEqual(expect.arrayContaining(['C1', 'C2', 'V2', 'J1'])));
});

describe('the end of care form', () => {
  const reason = RECORD_FORMS.find((f) => f.slug === 'end-of-care')?.fields.find((f) => f.name === 'reason');

  it('Given a young person leaving care at 18, When the reason is asked, Then the hint names the leaving-care reasons and keeps E8 for a missing young person', () =>
    expect(reason?.kind === 'code' ? reason.hint : undefined).toContain(
      'Leaving care at 18: E17 (stayed with carers), E5/E6 (independent living) or E7 (adult social care); E8 only if the young person is missing.',
    ));
});
