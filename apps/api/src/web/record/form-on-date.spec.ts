import { recordForm, type FormField } from './form-definitions';
import { formOnDate } from './form-on-date';

const codes = (slug: string, name: string, date: string): readonly string[] => {
  const field = formOnDate(recordForm(slug)!, date).fields.find((f) => f.name === name) as FormField;
  if (field.kind !== 'code') throw new Error(`${name} is not a code field`);
  return field.only ?? [];
};

describe('formOnDate: the codes a form offers on a date', () => {
  it('Given today in 2026, when a placement form is drawn, then the withdrawn placement types H5, Z1 and P2 are not offered', () => {
    const offered = codes('placement-change', 'placement.placementType', '2026-11-27');
    expect(offered).toEqual(expect.arrayContaining(['U4', 'K2', 'R1']));
    for (const withdrawn of ['H5', 'Z1', 'P2']) expect(offered).not.toContain(withdrawn);
  });

  it('Given a date when they were in force, then they are offered', () => {
    expect(codes('entry-to-care', 'placement.placementType', '2023-01-01')).toEqual(
      expect.arrayContaining(['H5', 'Z1', 'P2']),
    );
  });

  it('keeps a form’s own narrower list: temporary placements are T0–T4 only', () => {
    expect(codes('temporary-placement', 'placementType', '2026-11-27')).toEqual([
      'T0',
      'T1',
      'T2',
      'T3',
      'T4',
    ]);
  });

  it('offers no adoption ending (E11/E12) and no X1 on the end-of-care form', () => {
    const offered = codes('end-of-care', 'reason', '2026-11-27');
    expect(offered).toEqual(expect.arrayContaining(['E4A', 'E45', 'E41', 'E17']));
    for (const notHere of ['E11', 'E12', 'X1']) expect(offered).not.toContain(notHere);
  });
});
