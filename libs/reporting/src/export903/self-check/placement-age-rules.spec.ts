import { emptyReturn, type Row } from '../tables';
import { validateReturn } from '../validate-return';

const header = (CHILD: string, DOB: string): Row => ({
  CHILD,
  SEX: '1',
  DOB,
  ETHNIC: 'WBRI',
  UPN: 'A123456789012',
  MOTHER: '',
  MC_DOB: '',
});
const episode = (CHILD: string, DECOM: string, PLACE: string, DEC: string): Row => ({
  CHILD,
  DECOM,
  RNE: 'P',
  LS: 'V2',
  CIN: 'N4',
  PLACE,
  PLACE_PROVIDER: 'PR4',
  DEC,
  REC: DEC ? 'X1' : '',
  REASON_PLACE_CHANGE: 'CARPL',
  HOME_POST: '',
  PL_POST: '',
  URN: '2771234',
});
const ageFailures = (yearEnding: string, Episodes: Row[]) =>
  validateReturn({ ...emptyReturn(), Header: [header('C1', '15/01/2009')], Episodes }, { yearEnding })
    .filter((f) => f.rule === '370' || f.rule === '371')
    .map((f) => [f.rule, f.child, f.field]);

// C1 born 15/01/2009: 14 on 15/01/2023, 15 on 15/01/2024, 16 on 15/01/2025.
describe('self-check: independent and semi-independent living by age (370, 371), for the return’s year', () => {
  it('Given a 2023/24 return with H5 from 01/06/2023 (14) and P2 from 01/09/2023, Then 371 and 370 name them, as the validator did on the review’s probe', () =>
    expect(
      ageFailures('2024-03-31', [
        episode('C1', '01/06/2023', 'H5', '01/09/2023'),
        episode('C1', '01/09/2023', 'P2', '01/10/2023'),
      ]),
    ).toEqual([
      ['371', 'C1', 'DECOM'],
      ['370', 'C1', 'DECOM'],
    ]));

  it('Given a 2022/23 return with H5 from the 14th birthday, Then nothing (14+ that year); and H5 the day before it, Then 371', () => {
    expect(ageFailures('2023-03-31', [episode('C1', '15/01/2023', 'H5', '20/02/2023')])).toEqual([]);
    expect(ageFailures('2023-03-31', [episode('C1', '14/01/2023', 'H5', '20/02/2023')])).toEqual([
      ['371', 'C1', 'DECOM'],
    ]);
  });

  it('Given a 2022/23 return with P2 from 14, Then 370 (15+ that year)', () =>
    expect(ageFailures('2023-03-31', [episode('C1', '01/02/2023', 'P2', '20/02/2023')])).toEqual([
      ['370', 'C1', 'DECOM'],
    ]));

  it('Given a 2024/25 return, Then 371 tests K3 at 16: the day before the birthday fails, the birthday passes', () => {
    expect(ageFailures('2025-03-31', [episode('C1', '14/01/2025', 'K3', '20/02/2025')])).toEqual([
      ['371', 'C1', 'DECOM'],
    ]);
    expect(ageFailures('2025-03-31', [episode('C1', '15/01/2025', 'K3', '20/02/2025')])).toEqual([]);
  });

  it('Given an episode still open (no DEC), Then nothing: the validator skips it too', () =>
    expect(ageFailures('2025-03-31', [episode('C1', '14/01/2025', 'K3', '')])).toEqual([]));
});
