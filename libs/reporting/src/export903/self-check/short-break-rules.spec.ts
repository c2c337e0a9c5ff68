import type { Row } from '../tables';
import { checkShortBreaks } from './short-break-rules';

const ctx = { yearStart: '2025-04-01', yearEnding: '2026-03-31' };
const row = (changes: Partial<Row>): Row => ({
  CHILD: 'RV006',
  DECOM: '01/01/2026',
  LS: 'V3',
  PLACE: 'R1',
  DEC: '10/01/2026',
  HOME_POST: '',
  PL_POST: '',
  URN: '',
  ...changes,
});
const rulesOf = (rows: Row[]) => checkShortBreaks(rows, ctx).map((f) => [f.rule, f.field]);

describe('self-check: short breaks (V3/V4)', () => {
  it('Given V3 and V4 rows with no location, When checked, Then nothing is named', () =>
    expect(rulesOf([row({}), row({ LS: 'V4' })])).toEqual([]));

  it('Given a V3 row with home and placement postcodes and a URN, When checked, Then 214, 398 and 420 name each field', () =>
    expect(rulesOf([row({ HOME_POST: 'CB1 2AB', PL_POST: 'CB4 1AA', URN: 'SC123456' })])).toEqual([
      ['214', 'PL_POST'],
      ['214', 'URN'],
      ['398', 'HOME_POST'],
      ['398', 'PL_POST'],
      ['420', 'PL_POST'],
    ]));

  it('Given the same location on a C2 row, When checked, Then nothing is named', () =>
    expect(rulesOf([row({ LS: 'C2', HOME_POST: 'CB1 2AB', PL_POST: 'CB4 1AA', URN: 'SC123456' })])).toEqual(
      [],
    ));

  it('Given V3/V4 rows in U1 and U4, When checked, Then 384 names PLACE; R1 passes', () =>
    expect(
      rulesOf([row({ PLACE: 'U1' }), row({ LS: 'V4', PLACE: 'U4' }), row({ LS: 'V4' })]).filter(
        ([r]) => r === '384',
      ),
    ).toEqual([
      ['384', 'PLACE'],
      ['384', 'PLACE'],
    ]));

  it('Given a V3 row in U6 without a URN (as 214 requires), When checked, Then the 218 the validator raises is named; R1 and an episode ended before the year are not', () =>
    expect(
      rulesOf([row({ PLACE: 'U6' }), row({}), row({ PLACE: 'U6', DECOM: '01/01/2025', DEC: '10/01/2025' })]),
    ).toEqual([['218', 'URN']]));

  it("Given the same URN-less V3 rows in 2024/25, When checked, Then no 218 is named: that year's validator reads their blank PL_LA as outside England", () => {
    const lastYear = { yearStart: '2024-04-01', yearEnding: '2025-03-31' };
    const in2024 = (changes: Partial<Row>) => row({ DECOM: '01/01/2025', DEC: '10/01/2025', ...changes });
    expect(
      checkShortBreaks([in2024({ PLACE: 'U6' }), in2024({ PLACE: 'K1' }), in2024({ PLACE: 'Z1' })], lastYear),
    ).toEqual([]);
  });

  it('Given V3 rows in Z1 and Z11 without a URN in 2025/26, When checked, Then 218 names Z1 only (Z11–Z14 replace Z1 in its exempt list)', () =>
    expect(
      checkShortBreaks([row({ PLACE: 'Z1' }), row({ CHILD: 'B', PLACE: 'Z11' })], ctx).map((f) => [
        f.rule,
        f.child,
      ]),
    ).toEqual([['218', 'RV006']]));

  it('Given V3 breaks of 17 and 18 days, When checked, Then 365 names only the 18-day break', () =>
    expect(
      checkShortBreaks([row({ DEC: '18/01/2026' }), row({ CHILD: 'B', DEC: '19/01/2026' })], ctx).map((f) => [
        f.rule,
        f.child,
      ]),
    ).toEqual([['365', 'B']]));

  it('Given a V3 break still open, When checked, Then 365 measures it to the year end (17 days passes, 18 fails)', () =>
    expect(
      checkShortBreaks(
        [row({ DECOM: '14/03/2026', DEC: '' }), row({ CHILD: 'B', DECOM: '13/03/2026', DEC: '' })],
        ctx,
      ).map((f) => [f.rule, f.child]),
    ).toEqual([['365', 'B']]));

  it('Given a V4 row of 30 days, When checked, Then 365 does not apply (V3 only)', () =>
    expect(rulesOf([row({ LS: 'V4', DEC: '31/01/2026' })])).toEqual([]));

  it('Given five 15-day V3 breaks (75 days), When checked, Then 367 names nothing; a sixth day names all', () => {
    const breaks = ['01/04/2025', '01/05/2025', '01/06/2025', '01/07/2025', '01/08/2025'].map((d) => {
      const [day, month, year] = d.split('/');
      return row({ DECOM: d, DEC: `${String(Number(day) + 15).padStart(2, '0')}/${month}/${year}` });
    });
    expect(rulesOf(breaks)).toEqual([]);
    const sixth = row({ DECOM: '01/09/2025', DEC: '02/09/2025' });
    expect(rulesOf([...breaks, sixth])).toEqual(Array(6).fill(['367', 'DEC']));
  });

  it('Given a V3 break from before the year and one open at its end, When checked, Then 367 counts only the days inside the year', () => {
    // 25/03/2025–10/04/2025 counts 9 days (from 1 April); 15/03/2026 open counts 16 (to 31 March).
    const edges = [row({ DECOM: '25/03/2025', DEC: '10/04/2025' }), row({ DECOM: '15/03/2026', DEC: '' })];
    const middle = ['01/05/2025', '01/06/2025', '01/07/2025'].map((d) =>
      row({ DECOM: d, DEC: d.replace(/^01/, '17') }),
    );
    // 9 + 16 + 3 × 16 = 73: passes; one more 3-day break makes 76.
    expect(rulesOf([...edges, ...middle])).toEqual([]);
    const more = row({ DECOM: '01/08/2025', DEC: '04/08/2025' });
    expect(rulesOf([...edges, ...middle, more]).filter(([r]) => r === '367')).toHaveLength(6);
  });
});
