import type { Row } from '../tables';
import { checkTemporaryPlacements } from './temporary-placement-rules';

const y2025 = { yearStart: '2024-04-01', yearEnding: '2025-03-31' };
const y2026 = { yearStart: '2025-04-01', yearEnding: '2026-03-31' };
const row = (DECOM: string, RNE: string, PLACE: string, DEC = '', REC = '', PL_POST = 'CB1 2GF'): Row => ({
  CHILD: 'REVA',
  DECOM,
  RNE,
  LS: 'C1',
  PLACE,
  DEC,
  REC,
  PL_POST,
});
const rulesOf = (rows: Row[], ctx = y2025) =>
  checkTemporaryPlacements(rows, ctx).map((f) => [f.rule, f.field, f.message]);
const usual = row('10/05/2025', 'S', 'U6', '01/06/2025', 'X1');

describe('self-check: temporary placements (380, 381, 383) as the validator tests them', () => {
  it('Given a legal status change while in T1 (RNE L on a T1 episode), When checked, Then 380 names it, and 383 it and the return', () =>
    expect(
      rulesOf([
        usual,
        row('01/06/2025', 'P', 'T1', '10/06/2025', 'X1'),
        row('10/06/2025', 'L', 'T1', '20/06/2025', 'X1'),
        row('20/06/2025', 'P', 'U6'),
      ]).map(([rule, field]) => [rule, field]),
    ).toEqual([
      ['380', 'RNE'],
      ['383', 'RNE'],
      ['383', 'PLACE'],
    ]));

  it('Given a return from T1 written RNE B (a legal status change that day), When checked, Then 383 names the return', () =>
    expect(
      rulesOf([usual, row('01/06/2025', 'P', 'T1', '20/06/2025', 'X1'), row('20/06/2025', 'B', 'U6')]),
    ).toEqual([
      ['383', 'RNE', 'after T1 the return to U6 must be RNE P (a change of placement only), not B'],
    ]));

  it('Given a return to U6 at another postcode, When checked, Then 383 names PL_POST from 2025/26 only, as the validator does', () => {
    const rows = [
      usual,
      row('01/06/2025', 'P', 'T1', '20/06/2025', 'X1'),
      row('20/06/2025', 'P', 'U6', '', '', 'PE13 4RP'),
    ];
    expect(rulesOf(rows, y2026).map(([rule, field]) => [rule, field])).toEqual([['383', 'PL_POST']]);
    expect(rulesOf(rows, y2025)).toEqual([]);
  });

  it('Given care starting in T1 or ending in one, When checked, Then 380 and 381 name them', () =>
    expect(
      rulesOf([row('01/06/2025', 'S', 'T1', '20/06/2025', 'E4A')]).map(([rule, field]) => [rule, field]),
    ).toEqual([
      ['380', 'RNE'],
      ['381', 'PLACE'],
    ]));

  it('Given T1 begun with a legal status change (RNE B) and a plain return, When checked, Then nothing is named', () =>
    expect(
      rulesOf([usual, row('01/06/2025', 'B', 'T1', '20/06/2025', 'X1'), row('20/06/2025', 'P', 'U6')], y2026),
    ).toEqual([]));
});
