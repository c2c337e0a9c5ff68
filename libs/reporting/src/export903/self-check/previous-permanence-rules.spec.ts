import { checkPreviousPermanence } from './previous-permanence-rules';

const row = (PREV_PERM: string, LA_PERM = '', DATE_PERM = '') => ({
  CHILD: `C-${PREV_PERM}-${LA_PERM}-${DATE_PERM}`,
  DOB: '01/01/2015',
  PREV_PERM,
  LA_PERM,
  DATE_PERM,
});
const named = (rows: ReturnType<typeof row>[]) =>
  checkPreviousPermanence(rows).map((f) => [f.rule, f.child, f.field]);

describe('self-check: PrevPerm (DfE validator rules 630, 631 and 633)', () => {
  it('Given Z1 (none) with LA_PERM and DATE_PERM blank, Then nothing is named', () =>
    expect(named([row('Z1')])).toEqual([]));

  it('Given P1–P3 with the authority and date of the order, Then nothing is named', () =>
    expect(named([row('P1', '873', '01/02/2019'), row('P3', 'WAL', 'ZZ/ZZ/2018')])).toEqual([]));

  it('Given P4 (unknown) or P2 without LA_PERM or DATE_PERM, Then rule 630 names the missing fields', () => {
    expect(named([row('P4'), row('P2', '873'), row('P3', '', '01/02/2019')])).toEqual([
      ['630', 'C-P4--', 'LA_PERM/DATE_PERM'],
      ['630', 'C-P2-873-', 'DATE_PERM'],
      ['630', 'C-P3--01/02/2019', 'LA_PERM'],
    ]);
    expect(checkPreviousPermanence([row('P4')])[0].message).toMatch(/amend the start of care/);
  });

  it('Given an authority written as a name, Then rule 633 names LA_PERM', () =>
    expect(named([row('P2', 'Leeds', '01/02/2019'), row('P3', '8731', '01/02/2019')])).toEqual([
      ['633', 'C-P2-Leeds-01/02/2019', 'LA_PERM'],
      ['633', 'C-P3-8731-01/02/2019', 'LA_PERM'],
    ]));

  it('Given three digits that are no authority’s DfE code, Then rule 633 names LA_PERM (the list, not the shape)', () =>
    expect(named([row('P2', '100', '01/02/2019'), row('P2', '383', '01/02/2019')])).toEqual([
      ['633', 'C-P2-100-01/02/2019', 'LA_PERM'],
    ]));

  it('Given a code outside P1–P4 and Z1, or none, Then rule 631 names PREV_PERM', () =>
    expect(named([row('P5'), row('')])).toEqual([
      ['631', 'C-P5--', 'PREV_PERM'],
      ['631', 'C---', 'PREV_PERM'],
    ]));
});
