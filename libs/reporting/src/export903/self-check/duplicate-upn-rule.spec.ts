import { emptyReturn, type Row } from '../tables';
import { validateReturn } from '../validate-return';
import { checkDuplicateUpns } from './duplicate-upn-rule';

const header = (CHILD: string, UPN: string): Row => ({
  CHILD,
  SEX: 'F',
  DOB: '02/03/2019',
  ETHNIC: 'WBRI',
  UPN,
  MOTHER: '',
  MC_DOB: '',
});

describe('self-check: a UPN belongs to one child (DfE 444)', () => {
  it('Given two children with their own UPNs, then nothing is reported', () =>
    expect(
      checkDuplicateUpns({ Header: [header('CJ0001', 'A123456789012'), header('LA-1', 'B123456789012')] }),
    ).toEqual([]));

  it('Given the two README examples sharing A123456789012, then both rows are reported, as the validator does', () =>
    expect(
      checkDuplicateUpns({ Header: [header('CJ0001', 'A123456789012'), header('LA-1', 'a123456789012')] }),
    ).toEqual([
      expect.objectContaining({ rule: '444', child: 'CJ0001', field: 'UPN' }),
      expect.objectContaining({ rule: '444', child: 'LA-1', field: 'UPN' }),
    ]));

  it('Given the unknown-UPN codes UN1–UN5 repeated, then they are not duplicates', () =>
    expect(
      checkDuplicateUpns({
        Header: ['UN1', 'UN1', 'UN2', 'UN2', 'UN5', 'UN5'].map((upn, i) => header(`C${i}`, upn)),
      }),
    ).toEqual([]));

  it('Given a shared UPN, when the whole self-check runs, then 444 is among its failures', () =>
    expect(
      validateReturn(
        { ...emptyReturn(), Header: [header('CJ0001', 'A123456789012'), header('LA-1', 'A123456789012')] },
        { yearEnding: '2026-03-31' },
      ).map((f) => f.rule),
    ).toContain('444'));
});
