import { emptyReturn, type Row } from '../tables';
import { splitSelfCheck, validateReturn } from '../validate-return';

const oc3 = (CHILD: string, DOB: string, items: Partial<Row> = {}): Row => ({
  CHILD,
  DOB,
  IN_TOUCH: '',
  ACTIV: '',
  ACCOM: '',
  ...items,
});
const header = (CHILD: string, DOB: string): Row => ({
  CHILD,
  SEX: 'M',
  DOB,
  ETHNIC: 'WBRI',
  UPN: 'A123456789012',
  MOTHER: '',
  MC_DOB: '',
});
const check = (OC3: Row[]) =>
  splitSelfCheck(
    validateReturn(
      { ...emptyReturn(), Header: OC3.map((r) => header(r.CHILD, r.DOB)), OC3 },
      { yearEnding: '2025-03-31' },
    ).filter((f) => f.table === 'OC3'),
  );

describe('self-check: blank OC3 items (131, 132, 133) are warnings naming the child and the birthday', () => {
  it('Given a 2024/25 care leaver with no contact recorded (the review’s RVLC03, born 01/06/2007), Then one warning per blank item, as the validator counts them, and no failure', () => {
    const { failures, warnings } = check([oc3('RVLC03', '01/06/2007')]);
    expect(failures).toEqual([]);
    expect(warnings.map((w) => [w.rule, w.child, w.field])).toEqual([
      ['131', 'RVLC03', 'IN_TOUCH'],
      ['132', 'RVLC03', 'ACTIV'],
      ['133', 'RVLC03', 'ACCOM'],
    ]);
    expect(warnings[0]?.message).toContain('for turning 17 on 01/06/2024');
  });

  it('Given a care leaver whose contact is recorded, Then nothing', () =>
    expect(check([oc3('C5', '01/06/2007', { IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'T1' })]).warnings).toEqual(
      [],
    ));
});
