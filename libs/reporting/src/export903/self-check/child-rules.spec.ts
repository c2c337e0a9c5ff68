import { emptyReturn, type Row } from '../tables';
import { checkChildren } from './child-rules';

const ctx = { yearStart: '2024-04-01', yearEnding: '2025-03-31' };
const header = (CHILD: string): Row => ({
  CHILD,
  SEX: 'F',
  DOB: '14/06/2015',
  ETHNIC: 'WBRI',
  UPN: 'A123456789012',
  MOTHER: '',
  MC_DOB: '',
});
const episode = (CHILD: string): Row => ({ CHILD, DECOM: '01/05/2024', DEC: '' });
const int32 = (rows: Row[]) =>
  checkChildren({ ...emptyReturn(), Header: rows, Episodes: rows.map((r) => episode(r.CHILD)) }, ctx).filter(
    (f) => f.rule === 'INT32',
  );

describe('self-check: each CHILD once in Header (INT32)', () => {
  it('passes a return whose children each have their own reference', () =>
    expect(int32([header('C100529'), header('C100530')])).toEqual([]));

  it('names a reference two children share, once, even when each has one episode', () =>
    expect(int32([header('C100529'), header('C100530'), header('C100529')])).toEqual([
      {
        rule: 'INT32',
        table: 'Header',
        child: 'C100529',
        field: 'CHILD',
        message: 'CHILD C100529 is in Header 2 times: a child reference belongs to one child',
      },
    ]));

  it('compares references upper-cased, as the DfE validator reads them', () =>
    expect(int32([header('c100529'), header('C100529'), header('C100529')]).map((f) => f.message)).toEqual([
      'CHILD c100529 is in Header 3 times: a child reference belongs to one child',
    ]));
});
