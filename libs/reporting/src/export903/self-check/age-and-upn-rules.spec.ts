import { emptyReturn, type Row } from '../tables';
import { validateReturn } from '../validate-return';

// A 2026/27 return: 1 April 2026 – 31 March 2027; rule 209's reference is 31 August 2025.
const yearEnding = '2027-03-31';
const header = (CHILD: string, DOB: string, UPN = 'A123456789012'): Row => ({
  CHILD,
  SEX: 'M',
  DOB,
  ETHNIC: 'WBRI',
  UPN,
  MOTHER: '',
  MC_DOB: '',
});
const episode = (CHILD: string, DECOM: string, extra: Partial<Row> = {}): Row => ({
  CHILD,
  DECOM,
  RNE: 'S',
  LS: 'V2',
  CIN: 'N1',
  PLACE: 'U6',
  PLACE_PROVIDER: 'PR1',
  DEC: '',
  REC: '',
  REASON_PLACE_CHANGE: '',
  HOME_POST: '',
  PL_POST: '',
  URN: '',
  ...extra,
});
const failures = (Header: Row[], Episodes: Row[], rules: string[]) =>
  validateReturn({ ...emptyReturn(), Header, Episodes }, { yearEnding })
    .filter((f) => rules.includes(f.rule))
    .map((f) => [f.rule, f.child, f.field]);

describe('self-check: looked after only under 18 (352, 359)', () => {
  it('Given a 36-year-old whose care starts 01/10/2026, Then 352 names the start', () =>
    expect(failures([header('C1', '01/01/1990')], [episode('C1', '01/10/2026')], ['352', '359'])).toEqual([
      ['352', 'C1', 'DECOM'],
    ]));

  it('Given a child in care from 17 and still open after 18 at the year end, Then 359 names the episode', () =>
    expect(failures([header('C2', '30/10/2008')], [episode('C2', '10/05/2024')], ['352', '359'])).toEqual([
      ['359', 'C2', 'LS'],
    ]));

  it('Given a new episode starting after the 18th birthday, Then 359 names it', () =>
    expect(
      failures(
        [header('C3', '30/10/2008')],
        [
          episode('C3', '10/05/2024', { DEC: '02/11/2026', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' }),
          episode('C3', '02/11/2026', { RNE: 'P', DEC: '20/11/2026', REC: 'E8' }),
        ],
        ['352', '359'],
      ),
    ).toEqual([['359', 'C3', 'LS']]));

  it('Given care ending on the 18th birthday (E17), or V2 in K2 past 18, Then nothing is reported', () =>
    expect(
      failures(
        [header('C4', '30/10/2008'), header('C5', '30/10/2008')],
        [
          episode('C4', '10/05/2024', { DEC: '30/10/2026', REC: 'E17' }),
          episode('C5', '10/05/2024', { PLACE: 'K2' }),
        ],
        ['352', '359'],
      ),
    ).toEqual([]));
});

describe('self-check: unknown-UPN codes (209, 210)', () => {
  it('Given UN1 for an 11-year-old, Then 209 names the UPN; a child 4 only after 31/08/2025 passes', () =>
    expect(
      failures(
        [
          header('U1', '02/03/2015', 'UN1'),
          header('U2', '01/09/2021', 'UN1'),
          header('U3', '31/08/2021', 'UN1'),
        ],
        [episode('U1', '01/10/2026'), episode('U2', '01/10/2026'), episode('U3', '01/10/2026')],
        ['209'],
      ),
    ).toEqual([
      ['209', 'U1', 'UPN'],
      ['209', 'U3', 'UPN'],
    ]));

  it('Given UN4 with an episode starting on or after 24/03/2027, Then 210 names the UPN (as the validator tests it)', () =>
    expect(
      failures(
        [header('N1', '02/03/2015', 'UN4'), header('N2', '02/03/2015', 'UN4')],
        [episode('N1', '24/03/2027'), episode('N2', '23/03/2027')],
        ['210'],
      ),
    ).toEqual([['210', 'N1', 'UPN']]));
});
