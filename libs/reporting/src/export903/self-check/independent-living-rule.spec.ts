import { emptyReturn, type Row } from '../tables';
import { validateReturn } from '../validate-return';

const header: Row = {
  CHILD: 'C2',
  SEX: '1',
  DOB: '15/01/2010',
  ETHNIC: 'WBRI',
  UPN: 'A123456789012',
  MOTHER: '',
  MC_DOB: '',
};
const endedOn = (DEC: string, REC: string): Row => ({
  CHILD: 'C2',
  DECOM: '10/01/2023',
  RNE: 'S',
  LS: 'C2',
  CIN: 'N1',
  PLACE: 'U6',
  PLACE_PROVIDER: 'PR1',
  DEC,
  REC,
  REASON_PLACE_CHANGE: '',
  HOME_POST: 'LS6 2AB',
  PL_POST: 'LS1 4AB',
  URN: 'SC000001',
});
const rule387 = (yearEnding: string, episode: Row) =>
  validateReturn({ ...emptyReturn(), Header: [header], Episodes: [episode] }, { yearEnding })
    .filter((f) => f.rule === '387')
    .map((f) => [f.rule, f.child, f.field]);

// C2 born 15/01/2010: 14 on 15/01/2024.
describe('self-check: independent living only from 14 (387), in every year', () => {
  it('Given care ending E6 on 01/03/2023 at 13 in the 2022/23 return, Then 387 names the REC', () =>
    expect(rule387('2023-03-31', endedOn('01/03/2023', 'E6'))).toEqual([['387', 'C2', 'REC']]));
  it('Given care ending E6 on 01/06/2023 at 13 in the 2023/24 return (the review’s RVLC02), Then 387 names the REC', () =>
    expect(rule387('2024-03-31', endedOn('01/06/2023', 'E6'))).toEqual([['387', 'C2', 'REC']]));
  it('Given care ending E5 the day before the 14th birthday, Then 387; on the birthday, Then nothing', () => {
    expect(rule387('2024-03-31', endedOn('14/01/2024', 'E5'))).toEqual([['387', 'C2', 'REC']]);
    expect(rule387('2024-03-31', endedOn('15/01/2024', 'E5'))).toEqual([]);
  });
  it('Given care ending E4A at 13, Then nothing: the rule is only for independent living', () =>
    expect(rule387('2024-03-31', endedOn('01/06/2023', 'E4A'))).toEqual([]));
});
